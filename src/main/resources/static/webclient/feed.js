const PAGE_SIZE = 20;

// A column of things paged from the API (posts, notifications, accounts): older pages load as the reader nears the
// end (max_id, through the Link header); new items from a stream go on top at once, or wait behind a
// "N new posts" bar while the reader is scrolled down, so nothing jumps under their eyes.
import { api } from './api.js';
import { h } from './dom.js';
import { subscribe } from './streaming.js';
import { showError } from './toast.js';

export function feed(outlet, { title, path, query = {}, render, stream, liveEvent = 'update', itemName = 'posts',
  empty = 'Nothing here yet.', header = null, onItems = () => {}, onError = showError }) {
  const seen = new Set();
  const pending = [];
  const cleanups = [];
  let next = `${path}?${new URLSearchParams({ ...query, limit: PAGE_SIZE })}`;
  let loading = false;

  const list = h('div', { class: 'feed', role: 'feed', 'aria-busy': 'true', 'aria-label': title });
  const newBar = h('button', { type: 'button', class: 'new-items', hidden: true, onclick: showPending });
  const more = h('button', { type: 'button', class: 'secondary load-more', onclick: loadMore }, 'Load more');
  const end = h('p', { class: 'end', hidden: true }, empty);
  outlet.append(h('section', { class: 'column', 'aria-labelledby': 'view-title' },
    h('h1', { id: 'view-title' }, title), header, newBar, list, more, end));

  function add(items, atTop) {
    const fresh = items.filter((item) => !seen.has(item.id));
    fresh.forEach((item) => seen.add(item.id));
    const elements = fresh.map((item) => render(item));
    if (atTop) list.prepend(...elements);
    else list.append(...elements);
    onItems(fresh, atTop);
    end.hidden = seen.size > 0 || next !== null;
    return fresh.length;
  }

  async function loadMore() {
    if (loading || !next) return;
    loading = true;
    more.disabled = true;
    list.setAttribute('aria-busy', 'true');
    try {
      const page = await api(next);
      const added = add(page.data, false);
      next = page.next;
      // a short page, or one of nothing but known items, is the last, whatever the Link header says
      if (page.data.length < PAGE_SIZE || added === 0) next = null;
      more.hidden = next === null;
      end.hidden = seen.size > 0 || next !== null;
    } catch (error) {
      onError(error);
    } finally {
      loading = false;
      more.disabled = false;
      list.setAttribute('aria-busy', 'false');
    }
  }

  function showPending() {
    add(pending.splice(0).reverse(), true);
    newBar.hidden = true;
    list.firstElementChild?.focus();
    scrollTo({ top: 0 });
  }

  function incoming(item) {
    if (seen.has(item.id)) return;
    if (scrollY < 80 && pending.length === 0) {
      add([item], true);
      return;
    }
    pending.push(item);
    newBar.hidden = false;
    newBar.textContent = `${pending.length} new ${pending.length === 1 ? itemName.replace(/s$/, '') : itemName}`;
  }

  function removeItem(id) {
    list.querySelector(`[data-id="${CSS.escape(String(id))}"]`)?.remove();
  }

  if (stream) {
    cleanups.push(subscribe(stream.name, stream.param, (event, payload) => {
      if (event === liveEvent && (!stream.accept || stream.accept(payload))) incoming(payload);
      if (event === 'delete') removeItem(payload);
    }));
  }

  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) loadMore();
  }, { rootMargin: '600px' });
  observer.observe(more);
  cleanups.push(() => observer.disconnect());
  loadMore();

  return { incoming, cleanup: () => cleanups.forEach((cleanup) => cleanup()) };
}

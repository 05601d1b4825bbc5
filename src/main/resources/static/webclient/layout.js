// The frame around every view: navigation with the unread count, the search box, the composer, and the keys.
import { h } from './dom.js';
import { icon } from './icons.js';
import { composer } from './compose.js';
import { onUnreadChange } from './notifications.js';
import { navigate } from './router.js';
import { profilePath } from './links.js';
import { canModerate } from './moderation.js';
import { state } from './state.js';
import { avatar, displayName } from './statuses.js';

const LINKS = [
  ['/web/home', 'Home', 'home'], ['/web/notifications', 'Notifications', 'bell'], ['/web/local', 'Local', 'people'],
  ['/web/federated', 'Federated', 'globe'], ['/web/lists', 'Lists', 'list'], ['/web/bookmarks', 'Bookmarks', 'bookmark'],
  ['/web/favourites', 'Favourites', 'star'], ['/web/follow_requests', 'Follow requests', 'request'],
  ['/web/settings', 'Settings', 'gear'],
];
const MODERATION = ['/web/moderation/reports', 'Moderation', 'shield'];

export function layout(root) {
  const badge = h('span', { class: 'badge', hidden: true });
  const shown = canModerate() ? [...LINKS.slice(0, -1), MODERATION, LINKS.at(-1)] : LINKS;
  const links = shown.map(([path, label, symbol]) => h('a', { href: path, class: 'nav-link', dataset: { path } },
    icon(symbol), h('span', { class: 'nav-label' }, label),
    path === '/web/notifications' ? badge : null));
  const searchInput = h('input', { type: 'search', id: 'search', name: 'q', placeholder: 'Search or @user@domain',
    'aria-label': 'Search people, hashtags and posts' });
  const searchForm = h('form', { role: 'search', class: 'search-form' }, searchInput);
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (searchInput.value.trim()) navigate(`/web/search?q=${encodeURIComponent(searchInput.value.trim())}`);
  });
  const outlet = h('main', { id: 'main', tabindex: '-1' });
  const me = state.me;
  root.replaceChildren(
    h('a', { href: '#main', class: 'skip' }, 'Skip to content'),
    h('div', { class: 'layout' },
      h('aside', { class: 'sidebar', 'aria-label': 'Compose' },
        h('a', { href: profilePath(me), class: 'me author' }, avatar(me),
          h('span', { class: 'names' }, h('strong', { class: 'display-name' }, displayName(me)),
            h('span', { class: 'acct' }, `@${me.acct}`))),
        searchForm,
        composer()),
      outlet,
      h('nav', { class: 'nav', 'aria-label': 'Main' }, links)));

  onUnreadChange((count) => {
    badge.hidden = count === 0;
    badge.textContent = count > 39 ? '40+' : String(count);
    badge.setAttribute('aria-label', `${count} unread`);
  });
  document.addEventListener('routechange', ({ detail }) => {
    for (const link of links) {
      const moderation = link.dataset.path === MODERATION[0] && detail.startsWith('/web/moderation');
      if (link.dataset.path === detail || moderation) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  });
  document.addEventListener('keydown', shortcut);
  return outlet;
}

// n: write, /: search, j and k: next and previous post, Enter on a post: open its thread.
function shortcut(event) {
  const typing = event.target.closest('input, textarea, select, [contenteditable]');
  if (event.key === 'Escape' && typing) {
    typing.blur();
    return;
  }
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'n') {
    event.preventDefault();
    document.getElementById('compose-text')?.focus();
  } else if (event.key === '/') {
    event.preventDefault();
    document.getElementById('search')?.focus();
  } else if (event.key === 'j' || event.key === 'k') {
    const posts = [...document.querySelectorAll('#main article.status, #main article.notification')];
    const at = posts.indexOf(document.activeElement.closest('article'));
    const next = posts[event.key === 'j' ? at + 1 : Math.max(at - 1, 0)];
    next?.focus();
    next?.scrollIntoView({ block: 'nearest' });
  } else if (event.key === 'Enter' && event.target.matches('article.status')) {
    event.target.querySelector('a.permalink')?.click();
  }
}

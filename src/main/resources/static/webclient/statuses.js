// One post as the timelines, threads and profiles show it, with its buttons. A button's answer is the post as it
// is now, which is drawn again in place, so counts stay true.
import { api, post } from './api.js';
import { h, richText, replaceChildren } from './dom.js';
import { icon } from './icons.js';
import { linkMentionsInApp, profilePath, statusPath } from './links.js';
import { emit, state } from './state.js';
import { timeElement } from './time.js';
import { showError, toast } from './toast.js';

const QUICK_REACTIONS = ['👍', '❤️', '😆', '🎉', '😮', '😢'];
const VISIBILITY_LABELS = { public: 'Public', unlisted: 'Unlisted', private: 'Followers only', direct: 'Direct' };

export function avatar(account, size = 'normal') {
  return h('img', { class: `avatar ${size}`, src: account.avatar, alt: '', loading: 'lazy', width: 48, height: 48 });
}

export function displayName(account) {
  return account.display_name || account.username;
}

export function statusElement(status, { focused = false } = {}) {
  const element = h('article', { class: focused ? 'status focused' : 'status', tabindex: '0', dataset: { id: status.id } });
  draw(element, status);
  return element;
}

function draw(element, status) {
  const shown = status.reblog ?? status;
  element.setAttribute('aria-label', `${displayName(shown.account)}: ${shown.spoiler_text || textOf(shown.content)}`
    .slice(0, 200));
  replaceChildren(element,
    status.reblog && h('p', { class: 'boosted-by' }, icon('boost'), ' ',
      h('a', { href: profilePath(status.account) }, displayName(status.account)), ' boosted'),
    h('header', { class: 'status-header' },
      h('a', { href: profilePath(shown.account), class: 'author', 'aria-label': `${displayName(shown.account)}, @${shown.account.acct}` },
        avatar(shown.account),
        h('span', { class: 'names' },
          h('strong', { class: 'display-name' }, displayName(shown.account)),
          h('span', { class: 'acct' }, `@${shown.account.acct}`))),
      h('a', { href: statusPath(shown), class: 'permalink', 'aria-label': 'Open thread' },
        shown.visibility !== 'public' ? h('span', { class: 'visibility', title: VISIBILITY_LABELS[shown.visibility] },
          VISIBILITY_LABELS[shown.visibility]) : null,
        timeElement(shown.created_at), shown.edited_at ? ' · edited' : null)),
    shown.in_reply_to_id && h('p', { class: 'reply-note' }, h('a', { href: `/web/statuses/${shown.in_reply_to_id}` },
      icon('reply'), ' In reply to an earlier post')),
    body(shown),
    reactions(element, status, shown),
    actions(element, status, shown));
}

function textOf(html) {
  return new DOMParser().parseFromString(html ?? '', 'text/html').body.textContent;
}

function body(status) {
  const content = h('div', { class: 'content', lang: status.language ?? undefined },
    linkMentionsInApp(richText(status.content), status.mentions));
  const media = status.media_attachments.length ? mediaGrid(status) : null;
  const post = status.spoiler_text ? behindWarning(status.spoiler_text, content, media)
    : h('div', { class: 'body' }, content, media);
  // the reader's own filters that only warn hide the post behind their titles, as a content warning would
  const filters = (status.filtered ?? []).filter((result) => result.filter?.filter_action === 'warn')
    .map((result) => result.filter.title);
  return filters.length ? behindWarning(`Filtered: ${filters.join(', ')}`, post) : post;
}

function behindWarning(warning, ...children) {
  const hidden = h('div', { class: 'behind-warning', hidden: true }, children);
  const toggle = h('button', { type: 'button', class: 'cw-toggle', 'aria-expanded': 'false' }, 'Show more');
  toggle.addEventListener('click', () => {
    hidden.hidden = !hidden.hidden;
    toggle.textContent = hidden.hidden ? 'Show more' : 'Show less';
    toggle.setAttribute('aria-expanded', String(!hidden.hidden));
  });
  return h('div', { class: 'body' }, h('p', { class: 'spoiler' }, icon('warning'), h('span', {}, warning), toggle),
    hidden);
}

function mediaGrid(status) {
  return h('div', { class: `media count-${Math.min(status.media_attachments.length, 4)}` },
    status.media_attachments.map((media) => {
      const image = h('img', { src: media.preview_url ?? media.url, alt: media.description ?? '', loading: 'lazy' });
      const link = h('a', { href: media.url, target: '_blank', rel: 'noopener', class: 'media-item' }, image);
      if (!status.sensitive) return link;
      const wrapper = h('div', { class: 'sensitive' }, link);
      const reveal = h('button', { type: 'button', class: 'reveal' }, 'Sensitive content · show');
      reveal.addEventListener('click', () => {
        wrapper.classList.add('revealed');
        reveal.remove();
      });
      wrapper.append(reveal);
      return wrapper;
    }));
}

function reactions(element, status, shown) {
  const list = shown.pleroma?.emoji_reactions ?? [];
  if (!list.length) return null;
  return h('div', { class: 'reactions' }, list.map((reaction) => h('button', {
    type: 'button', class: reaction.me ? 'reaction active' : 'reaction', 'aria-pressed': String(reaction.me),
    'aria-label': `${reaction.name} ${reaction.count}${reaction.me ? ', yours' : ''}`,
    onclick: () => react(element, status, shown, reaction.name, reaction.me),
  }, `${reaction.name} ${reaction.count}`)));
}

function actions(element, status, shown) {
  const mine = state.me && shown.account.id === state.me.id;
  const toggle = (label, active, count, symbol, on, off) => h('button', {
    type: 'button', class: active ? 'action active' : 'action', 'aria-pressed': String(Boolean(active)),
    'aria-label': `${label}${count !== undefined ? `, ${count}` : ''}`, title: label,
    onclick: () => act(element, status, active ? off : on),
  }, icon(symbol), count ? h('span', { class: 'count' }, String(count)) : null);
  const canBoost = shown.visibility === 'public' || shown.visibility === 'unlisted';
  return h('footer', { class: 'actions' },
    h('button', { type: 'button', class: 'action', 'aria-label': `Reply, ${shown.replies_count}`, title: 'Reply',
      onclick: () => emit('compose:reply', shown) }, icon('reply'),
    shown.replies_count ? h('span', { class: 'count' }, String(shown.replies_count)) : null),
    canBoost ? toggle('Boost', shown.reblogged, shown.reblogs_count, 'boost', 'reblog', 'unreblog') : null,
    toggle('Favourite', shown.favourited, shown.favourites_count, 'star', 'favourite', 'unfavourite'),
    toggle('Bookmark', shown.bookmarked, undefined, 'bookmark', 'bookmark', 'unbookmark'),
    reactPicker(element, status, shown),
    mine ? h('button', { type: 'button', class: 'action', 'aria-label': 'Edit', title: 'Edit',
      onclick: () => emit('compose:edit', shown) }, icon('edit')) : null,
    mine ? h('button', { type: 'button', class: 'action', 'aria-label': 'Delete', title: 'Delete',
      onclick: () => remove(element, shown) }, icon('trash')) : null);
}

function reactPicker(element, status, shown) {
  const menu = h('div', { class: 'react-menu', hidden: true, role: 'group', 'aria-label': 'Pick a reaction' },
    QUICK_REACTIONS.map((emoji) => h('button', { type: 'button', class: 'plain', 'aria-label': `React with ${emoji}`,
      onclick: () => react(element, status, shown, emoji, false) }, emoji)));
  const button = h('button', { type: 'button', class: 'action', 'aria-label': 'React', title: 'React',
    'aria-expanded': 'false' }, icon('smile'));
  button.addEventListener('click', () => {
    menu.hidden = !menu.hidden;
    button.setAttribute('aria-expanded', String(!menu.hidden));
    if (!menu.hidden) menu.querySelector('button').focus();
  });
  return h('span', { class: 'react' }, button, menu);
}

async function act(element, status, verb) {
  const shown = status.reblog ?? status;
  try {
    const updated = await post(`/api/v1/statuses/${shown.id}/${verb}`);
    // unreblog answers the original; a reblog answers the new boost wrapping it
    const original = updated.reblog && verb === 'reblog' ? updated.reblog : updated;
    redraw(element, status, original);
  } catch (error) {
    showError(error);
  }
}

async function react(element, status, shown, emoji, mine) {
  try {
    const { data } = await api(`/api/v1/pleroma/statuses/${shown.id}/reactions/${encodeURIComponent(emoji)}`,
      { method: mine ? 'DELETE' : 'PUT' });
    redraw(element, status, data);
  } catch (error) {
    showError(error);
  }
}

function redraw(element, status, original) {
  draw(element, status.reblog ? { ...status, reblog: original } : original);
}

async function remove(element, status) {
  if (!confirm('Delete this post?')) return;
  try {
    await api(`/api/v1/statuses/${status.id}`, { method: 'DELETE' });
    element.remove();
    toast('Post deleted.');
  } catch (error) {
    showError(error);
  }
}

// A post edited elsewhere (the composer, or an edit arriving on a stream) is drawn again wherever it is shown.
export function updateShown(status) {
  for (const element of document.querySelectorAll(`article.status[data-id="${CSS.escape(status.id)}"]`)) {
    draw(element, status);
  }
}

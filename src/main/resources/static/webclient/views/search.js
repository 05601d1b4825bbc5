// Search for people, hashtags and posts; a full handle (@user@domain) is looked up on its server, so remote
// people can be found and followed.
import { get } from '../api.js';
import { h } from '../dom.js';
import { accountRow } from '../accounts.js';
import { tagPath } from '../links.js';
import { statusElement } from '../statuses.js';

export function search(outlet, params, query) {
  const q = query.get('q') ?? '';
  const results = h('div', { class: 'results', 'aria-busy': 'true' });
  outlet.append(h('section', { class: 'column', 'aria-labelledby': 'view-title' },
    h('h1', { id: 'view-title' }, q ? `Search: ${q}` : 'Search'), results));
  if (!q.trim()) {
    results.append(h('p', {}, 'Type a name, a #hashtag, words, or a handle like @user@example.social.'));
    return null;
  }
  get('/api/v2/search', { q, resolve: 'true', limit: 20 }).then((found) => {
    results.setAttribute('aria-busy', 'false');
    const section = (title, items) => items.length ? h('section', {}, h('h2', {}, title), items) : null;
    const parts = [
      section('People', found.accounts.map((account) => accountRow(account))),
      section('Hashtags', found.hashtags.map((tag) => h('p', {}, h('a', { href: tagPath(tag.name) }, `#${tag.name}`)))),
      section('Posts', found.statuses.map((status) => statusElement(status))),
    ].filter(Boolean);
    results.append(...(parts.length ? parts : [h('p', {}, 'Nothing found.')]));
  }).catch((error) => {
    results.append(h('p', { class: 'error', role: 'alert' }, error.message));
  });
  return null;
}

// The person's lists: open one, make one, delete one, and add people they follow to it.
import { api, get, post } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { showError } from '../toast.js';

export function lists(outlet) {
  const items = h('ul', { class: 'lists' });
  const title = h('input', { id: 'list-title', required: true, maxlength: 100 });
  const form = h('form', { class: 'inline-form' }, h('label', { for: 'list-title' }, 'New list'), title,
    h('button', { type: 'submit' }, 'Create'));
  const draw = async () => {
    try {
      const all = await get('/api/v1/lists');
      replaceChildren(items, all.length ? all.map((list) => h('li', {},
        h('a', { href: `/web/lists/${list.id}` }, list.title), ' ',
        h('a', { href: `/web/lists/${list.id}/members`, class: 'button secondary' }, 'People'), ' ',
        h('button', { type: 'button', class: 'secondary', onclick: async () => {
          if (!confirm(`Delete the list “${list.title}”?`)) return;
          try {
            await api(`/api/v1/lists/${list.id}`, { method: 'DELETE' });
            draw();
          } catch (error) {
            showError(error);
          }
        } }, 'Delete'))) : h('li', {}, 'No lists yet.'));
    } catch (error) {
      showError(error);
    }
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await post('/api/v1/lists', { title: title.value });
      title.value = '';
      draw();
    } catch (error) {
      showError(error);
    }
  });
  outlet.append(h('section', { class: 'column' }, h('h1', { id: 'view-title' }, 'Lists'), form, items));
  draw();
  return null;
}

export function listMembers(outlet, { id }) {
  const members = h('div', { class: 'members' });
  const candidates = h('div', { class: 'candidates' });
  const query = h('input', { id: 'member-search', type: 'search', placeholder: 'Search people you follow' });
  const row = (account, inList) => h('div', { class: 'account-row' },
    h('span', { class: 'names' }, h('strong', {}, account.display_name || account.username), ' ',
      h('span', { class: 'acct' }, `@${account.acct}`)),
    h('button', { type: 'button', class: inList ? 'secondary' : '', onclick: async () => {
      try {
        await api(`/api/v1/lists/${id}/accounts`, { method: inList ? 'DELETE' : 'POST', json: { account_ids: [account.id] } });
        drawMembers();
      } catch (error) {
        showError(error);
      }
    } }, inList ? 'Remove' : 'Add'));
  const drawMembers = async () => {
    const accounts = await get(`/api/v1/lists/${id}/accounts`, { limit: 0 });
    replaceChildren(members, accounts.length ? accounts.map((account) => row(account, true)) : h('p', {}, 'Nobody yet.'));
  };
  query.addEventListener('input', async () => {
    if (!query.value.trim()) return replaceChildren(candidates);
    const found = await get('/api/v1/accounts/search', { q: query.value, following: 'true', limit: 10 });
    replaceChildren(candidates, found.map((account) => row(account, false)));
  });
  outlet.append(h('section', { class: 'column' }, h('h1', { id: 'view-title' }, 'People in this list'), members,
    h('label', { for: 'member-search' }, 'Add people'), query, candidates));
  drawMembers().catch(showError);
  return null;
}

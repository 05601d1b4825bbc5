// Moving accounts: the other accounts that may move here (aliases), and moving this one to another account, after
// which followers follow the new one.
import { api, get } from '../api.js';
import { h } from '../dom.js';
import { state } from '../state.js';
import { showError, toast } from '../toast.js';

export function migration(outlet) {
  const aliasList = h('ul', { class: 'aliases', 'aria-label': 'Aliases' });
  const showAliases = (aliases) => {
    aliasList.replaceChildren(...aliases.map((alias) => h('li', {},
      h('span', {}, alias.acct ? `@${alias.acct}` : alias.uri), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: () => change('DELETE', { uri: alias.uri }) },
        'Remove'))));
    if (!aliases.length) aliasList.append(h('li', { class: 'muted' }, 'No aliases.'));
  };
  const change = async (method, json) => {
    try {
      showAliases((await api('/api/v1/accounts/aliases', { method, json })).data);
      toast(method === 'POST' ? 'Alias added.' : 'Alias removed.');
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };

  const aliasForm = h('form', { class: 'settings', 'aria-label': 'Add an alias' },
    h('label', { for: 'alias-acct' }, 'Account that may move here, as user@server'),
    h('input', { id: 'alias-acct', name: 'acct', required: true, placeholder: 'you@old.example' }),
    h('button', { type: 'submit' }, 'Add alias'));
  aliasForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await change('POST', { acct: aliasForm.elements.acct.value.trim() })) aliasForm.reset();
  });

  const moveError = h('p', { class: 'error', role: 'alert', hidden: true });
  const moveForm = h('form', { class: 'settings', 'aria-label': 'Move this account' },
    h('label', { for: 'move-acct' }, 'New account, as user@server (it must list this one as an alias)'),
    h('input', { id: 'move-acct', name: 'acct', required: true, placeholder: 'you@new.example' }),
    h('label', { for: 'move-password' }, 'Current password'),
    h('input', { id: 'move-password', name: 'current_password', type: 'password', required: true,
      autocomplete: 'current-password' }),
    moveError,
    h('button', { type: 'submit', class: 'danger' }, 'Move followers to the new account'));
  moveForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    moveError.hidden = true;
    try {
      state.me = (await api('/api/v1/accounts/move', { method: 'POST', json: {
        acct: moveForm.elements.acct.value.trim(), current_password: moveForm.elements.current_password.value,
      } })).data;
      moveForm.reset();
      movedNote.replaceChildren(movedText());
      toast('Your followers are being moved.');
    } catch (error) {
      moveError.textContent = `Not moved: ${error.message}`;
      moveError.hidden = false;
    }
  });

  const movedText = () => (state.me.moved ? `This account has moved to @${state.me.moved.acct}.` : '');
  const movedNote = h('p', { class: 'moved-note', role: 'status' }, movedText());
  outlet.append(h('section', { class: 'column' },
    h('h1', { id: 'view-title' }, 'Moving accounts'),
    h('h2', {}, 'Moving here from another account'),
    h('p', {}, 'Before another account can move to this one, add it here.'), aliasList, aliasForm,
    h('h2', {}, 'Moving this account away'),
    h('p', {}, 'Your followers will follow the new account; your posts stay here.'), movedNote, moveForm));
  get('/api/v1/accounts/aliases').then(showAliases, showError);
  return null;
}

// Profile settings through update_credentials; the password is changed on the server's own page, as on Mastodon.
import { api } from '../api.js';
import { dataSection } from './data.js';
import { h } from '../dom.js';
import { signOut } from '../session.js';
import { state } from '../state.js';
import { toast } from '../toast.js';

const FIELD_ROWS = 4;

export function settings(outlet) {
  const me = state.me;
  const fields = me.source?.fields ?? [];
  const input = (id, label, props) => [h('label', { for: id }, label), h('input', { id, name: id, ...props })];
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const fieldRows = Array.from({ length: FIELD_ROWS }, (_, index) => h('div', { class: 'field-row' },
    h('input', { name: `fields_attributes[${index}][name]`, 'aria-label': `Field ${index + 1} label`,
      placeholder: 'Label', value: fields[index]?.name ?? '', maxlength: 255 }),
    h('input', { name: `fields_attributes[${index}][value]`, 'aria-label': `Field ${index + 1} content`,
      placeholder: 'Content', value: fields[index]?.value ?? '', maxlength: 255 })));
  const form = h('form', { class: 'settings', 'aria-labelledby': 'view-title' },
    input('display_name', 'Display name', { value: me.display_name, maxlength: 30 }),
    h('label', { for: 'note' }, 'Bio'),
    h('textarea', { id: 'note', name: 'note', rows: 4, maxlength: 500, value: me.source?.note ?? '' }),
    input('avatar', 'Avatar (PNG, JPEG, GIF or WebP)', { type: 'file', accept: 'image/*' }),
    input('header', 'Header image', { type: 'file', accept: 'image/*' }),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'locked', checked: me.locked }),
      ' Approve followers by hand (locked account)'),
    h('fieldset', {}, h('legend', {}, 'Profile fields'), fieldRows),
    error,
    h('button', { type: 'submit' }, 'Save profile'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const body = new FormData(form);
    body.set('locked', form.elements.locked.checked ? 'true' : 'false');
    for (const name of ['avatar', 'header']) {
      if (!form.elements[name].files.length) body.delete(name);
    }
    try {
      state.me = (await api('/api/v1/accounts/update_credentials', { method: 'PATCH', form: body })).data;
      toast('Profile saved.');
    } catch (failure) {
      error.textContent = `Not saved: ${failure.message}`;
      error.hidden = false;
    }
  });
  outlet.append(h('section', { class: 'column' },
    h('h1', { id: 'view-title' }, 'Settings'), form,
    dataSection(),
    h('h2', {}, 'Account'),
    h('p', {}, h('a', { href: '/auth/password', class: 'button secondary' }, 'Change password')),
    h('p', {}, h('a', { href: '/web/settings/migration', class: 'button secondary' }, 'Move from or to another account')),
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: signOut }, 'Sign out'))));
  return null;
}

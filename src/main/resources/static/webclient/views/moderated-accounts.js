// Accounts for moderators: found by origin, state, name or server; one account with what was done to it, the
// undo for each, the review of a sign-up, and a new action.
import { api, get, post } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { feed } from '../feed.js';
import { profilePath } from '../links.js';
import { accountFlags, actionForm, adminAcct, moderationScreen, moderationTabs, problem } from '../moderation.js';
import { navigate } from '../router.js';
import { timeElement } from '../time.js';
import { showError, toast } from '../toast.js';

const FILTERS = ['origin', 'status', 'username', 'by_domain'];

export function moderatedAccounts(outlet, params, search) {
  const query = Object.fromEntries(FILTERS.filter((name) => search.get(name)).map((name) => [name, search.get(name)]));
  const choice = (name, label, options) => [h('label', { for: `filter-${name}` }, label),
    h('select', { id: `filter-${name}`, name }, options.map(([value, text]) => h('option', { value,
      selected: (query[name] ?? '') === value }, text)))];
  const text = (name, label) => [h('label', { for: `filter-${name}` }, label),
    h('input', { id: `filter-${name}`, name, type: 'search', value: query[name] ?? '' })];
  const form = h('form', { class: 'mod-form mod-filter-form' },
    choice('origin', 'Where', [['', 'Anywhere'], ['local', 'This server'], ['remote', 'Other servers']]),
    choice('status', 'State', [['', 'Any'], ['active', 'Active'], ['pending', 'Waiting for approval'],
      ['disabled', 'Login disabled'], ['silenced', 'Limited'], ['suspended', 'Suspended']]),
    text('username', 'Username'), text('by_domain', 'Server'),
    h('button', { type: 'submit', id: 'filter-submit' }, 'Find'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const name of FILTERS) {
      const value = form.elements[name].value.trim();
      if (value) chosen.set(name, value);
    }
    navigate(`/web/moderation/accounts?${chosen}`);
  });
  const notice = h('div', { class: 'mod-notice' });
  const header = h('div', {}, moderationTabs(), form, notice);
  return feed(outlet, { title: 'Accounts', path: '/api/v2/admin/accounts', query, itemName: 'accounts', header,
    onError: (error) => replaceChildren(notice, problem(error)), empty: 'No account matches.',
    render: accountRow }).cleanup;
}

function accountRow(account) {
  return h('article', { class: 'mod-row', dataset: { id: account.id } },
    h('p', { class: 'mod-row-head' },
      h('a', { href: `/web/moderation/accounts/${account.id}`, class: 'account-link' }, adminAcct(account)),
      accountFlags(account), timeElement(account.created_at)),
    account.email ? h('p', { class: 'acct' }, account.email) : null);
}

export function moderatedAccount(outlet, { id }) {
  const body = h('div', { class: 'mod-panel account-detail' }, h('p', { class: 'loading' }, 'Loading…'));
  moderationScreen(outlet, 'Account', body);
  const draw = async () => {
    try {
      drawAccount(body, await get(`/api/v1/admin/accounts/${id}`), draw);
    } catch (error) {
      replaceChildren(body, problem(error));
    }
  };
  draw();
  return null;
}

function drawAccount(body, account, redraw) {
  const undo = (verb, label, { ask = null, gone = false } = {}) => h('button', { type: 'button', class: 'secondary',
    id: `account-${verb}`, onclick: async () => {
      if (ask && !confirm(ask)) return;
      try {
        if (verb === 'delete') await api(`/api/v1/admin/accounts/${account.id}`, { method: 'DELETE' });
        else await post(`/api/v1/admin/accounts/${account.id}/${verb}`);
        toast(`${label}: done for ${adminAcct(account)}.`);
        if (gone) navigate('/web/moderation/accounts');
        else redraw();
      } catch (error) {
        showError(error);
      }
    } }, label);
  const local = !account.domain;
  const pending = local && !account.approved;
  replaceChildren(body,
    h('p', { class: 'mod-row-head' }, h('strong', { id: 'account-acct' }, adminAcct(account)), accountFlags(account)),
    h('dl', { class: 'fields' },
      h('dt', {}, 'Joined'), h('dd', {}, timeElement(account.created_at)),
      local ? [h('dt', {}, 'Email'), h('dd', {}, account.email ?? '', account.confirmed ? '' : ' (not confirmed)'),
        h('dt', {}, 'Role'), h('dd', {}, account.role?.name || 'user'),
        account.ip ? [h('dt', {}, 'Last address'), h('dd', {}, account.ip)] : null] : null,
      account.invite_request ? [h('dt', {}, 'Why they want to join'), h('dd', {}, account.invite_request)] : null),
    h('p', {},
      account.account ? h('a', { href: profilePath(account.account) }, 'Profile and posts') : null,
      account.account ? ' · ' : null,
      h('a', { href: `/web/moderation/reports?target_account_id=${account.id}` }, 'Reports about them')),
    h('div', { class: 'row-actions' },
      pending ? [undo('approve', 'Approve'), undo('reject', 'Reject',
        { ask: `Reject the sign-up of ${adminAcct(account)}? It is deleted.`, gone: true })] : null,
      account.disabled ? undo('enable', 'Enable login') : null,
      account.silenced ? undo('unsilence', 'Lift limit') : null,
      account.sensitized ? undo('unsensitive', 'Lift sensitive') : null,
      account.suspended ? [undo('unsuspend', 'Unsuspend'), undo('delete', 'Delete for good',
        { ask: `Delete ${adminAcct(account)} and everything they posted? This cannot be undone.`, gone: true })]
        : null),
    account.suspended ? null : [h('h2', {}, 'Act on the account'), actionForm(account, { onDone: redraw })]);
}

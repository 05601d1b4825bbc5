// What the moderation screens share: who may see them, the tabs between them, how an account is named there, and
// the form that acts on an account. The server decides who may do what; this only keeps out of sight what a
// person's role would be refused anyway.
import { api, post } from './api.js';
import { h } from './dom.js';
import { startSignIn } from './session.js';
import { state } from './state.js';
import { showError, toast } from './toast.js';

const MODERATING = new Set(['owner', 'admin', 'moderator']);
const STEERING = new Set(['owner', 'admin']);

function roleOf(me) {
  return (me?.role?.name ?? '').toLowerCase();
}

export function canModerate(me = state.me) {
  return MODERATING.has(roleOf(me));
}

// Servers, relays and queues are for owners and admins, as on the server.
export function canSteer(me = state.me) {
  return STEERING.has(roleOf(me));
}

export function moderationTabs() {
  const all = [['/web/moderation/reports', 'Reports'], ['/web/moderation/accounts', 'Accounts']];
  if (canSteer()) all.push(['/web/moderation/federation', 'Federation'], ['/web/moderation/queues', 'Queues']);
  return h('nav', { class: 'mod-tabs', 'aria-label': 'Moderation' }, all.map(([path, label]) => h('a', {
    href: path, 'aria-current': location.pathname.startsWith(path) ? 'page' : null }, label)));
}

// A moderation screen: its title, the tabs, then what it shows.
export function moderationScreen(outlet, title, ...children) {
  outlet.append(h('section', { class: 'column mod-screen', 'aria-labelledby': 'view-title' },
    h('h1', { id: 'view-title' }, title), moderationTabs(), children));
}

// A token from before the web client asked for the admin scopes is refused them; signing in again (with the
// session still there, no password is asked) brings one that has them.
export function problem(error) {
  if (error.status === 403 && /outside the authorized scopes/.test(error.message)) {
    return h('div', { class: 'sign-in-again', role: 'alert' },
      h('p', {}, 'Your sign-in is older than the moderation screens. Sign in again to use them.'),
      h('button', { type: 'button', onclick: () => startSignIn(location.pathname + location.search) },
        'Sign in again'));
  }
  return h('p', { class: 'error', role: 'alert' }, error.message);
}

export function adminAcct(account) {
  if (!account) return 'someone';
  return account.domain ? `@${account.username}@${account.domain}` : `@${account.username}`;
}

export function accountLink(account) {
  return account ? h('a', { href: `/web/moderation/accounts/${account.id}` }, adminAcct(account)) : 'nobody';
}

// What moderators have done to an account, and whether it still waits for approval, as short labels.
export function accountFlags(account) {
  const flags = [];
  if (!account.domain && !account.approved) flags.push('pending');
  if (account.disabled) flags.push('disabled');
  if (account.silenced) flags.push('limited');
  if (account.suspended) flags.push('suspended');
  if (account.sensitized) flags.push('sensitive');
  return h('span', { class: 'mod-flags' }, flags.map((flag) => h('span', { class: `mod-flag ${flag}` }, flag)));
}

// Every page of an admin list; they are short (domains, relays), and a screen of them is read as a whole.
export async function allPages(path) {
  const items = [];
  let next = `${path}?limit=200`;
  while (next) {
    const page = await api(next);
    items.push(...page.data);
    next = page.data.length ? page.next : null;
  }
  return items;
}

const ACTIONS = [
  ['none', 'Warn only'], ['sensitive', 'Mark their media sensitive'], ['disable', 'Disable their login'],
  ['silence', 'Limit (silence)'], ['suspend', 'Suspend'],
];

// Acts on an account with Mastodon's one action endpoint; given a report, the action settles it.
export function actionForm(account, { reportId = null, onDone }) {
  const type = h('select', { id: 'action-type', name: 'type' }, ACTIONS
    .filter(([value]) => value !== 'disable' || !account.domain)
    .map(([value, label]) => h('option', { value }, label)));
  const text = h('textarea', { id: 'action-text', name: 'text', rows: 3,
    placeholder: 'What the account is told, and kept as the reason' });
  const form = h('form', { class: 'mod-form', id: 'action-form' },
    h('label', { for: 'action-type' }, `Action on ${adminAcct(account)}`), type,
    h('label', { for: 'action-text' }, 'Message'), text,
    h('button', { type: 'submit', id: 'action-submit' }, reportId ? 'Apply and resolve' : 'Apply'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (type.value === 'suspend' && !confirm(`Suspend ${adminAcct(account)}? Their posts and profile go away.`)) return;
    try {
      await post(`/api/v1/admin/accounts/${account.id}/action`, { type: type.value, text: text.value,
        report_id: reportId ?? undefined });
      toast(`${type.selectedOptions[0].textContent}: done for ${adminAcct(account)}.`);
      onDone();
    } catch (error) {
      showError(error);
    }
  });
  return form;
}

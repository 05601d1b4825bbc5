// Reports for moderators: the open and the resolved ones, and one report with everything it names, its notes, and
// what can be done about it.
import { get, post } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { feed } from '../feed.js';
import { accountLink, actionForm, adminAcct, moderationScreen, moderationTabs, problem } from '../moderation.js';
import { state } from '../state.js';
import { statusElement } from '../statuses.js';
import { timeElement } from '../time.js';
import { showError, toast } from '../toast.js';

export function reports(outlet, params, search) {
  const resolved = search.get('resolved') === 'true';
  const target = search.get('target_account_id');
  const filter = (label, value) => {
    const query = new URLSearchParams(target ? { target_account_id: target } : {});
    if (value) query.set('resolved', 'true');
    return h('a', { href: `/web/moderation/reports?${query}`, class: 'button secondary',
      'aria-pressed': String(resolved === value) }, label);
  };
  const notice = h('div', { class: 'mod-notice' });
  const header = h('div', {}, moderationTabs(),
    h('div', { class: 'mod-filters' }, filter('Open', false), filter('Resolved', true)), notice);
  return feed(outlet, { title: 'Reports', path: '/api/v1/admin/reports', itemName: 'reports', header,
    onError: (error) => replaceChildren(notice, problem(error)),
    query: { resolved: resolved ? 'true' : 'false', ...(target ? { target_account_id: target } : {}) },
    empty: resolved ? 'No resolved reports.' : 'No open reports. All is calm.', render: reportRow }).cleanup;
}

function reportRow(report) {
  const posts = report.statuses.length;
  return h('article', { class: 'mod-row report', dataset: { id: report.id } },
    h('p', { class: 'mod-row-head' },
      h('a', { href: `/web/moderation/reports/${report.id}`, class: 'report-link' },
        `#${report.id} · ${adminAcct(report.target_account)}`),
      h('span', { class: 'mod-flag' }, report.category), timeElement(report.created_at)),
    h('p', { class: 'mod-row-text' }, report.comment || 'No comment.'),
    h('p', { class: 'acct' }, `Reported by ${adminAcct(report.account)}`,
      report.assigned_account ? ` · taken on by ${adminAcct(report.assigned_account)}` : '',
      posts ? ` · ${posts} ${posts === 1 ? 'post' : 'posts'}` : ''));
}

export function report(outlet, { id }) {
  const body = h('div', { class: 'mod-panel report-detail' }, h('p', { class: 'loading' }, 'Loading…'));
  moderationScreen(outlet, `Report #${id}`, body);
  const path = `/api/v1/admin/reports/${id}`;
  const draw = async () => {
    try {
      const [current, notes] = await Promise.all([get(path), get(`${path}/notes`)]);
      drawReport(body, current, notes, draw);
    } catch (error) {
      replaceChildren(body, problem(error));
    }
  };
  draw();
  return null;
}

function drawReport(body, report, notes, redraw) {
  const step = (verb, label) => h('button', { type: 'button', class: 'secondary', id: `report-${verb}`,
    onclick: async () => {
      try {
        await post(`/api/v1/admin/reports/${report.id}/${verb}`);
        toast(`Report #${report.id}: ${label.toLowerCase()}.`);
        redraw();
      } catch (error) {
        showError(error);
      }
    } }, label);
  const mine = report.assigned_account?.id === state.me.id;
  const status = report.action_taken
    ? ['Resolved', report.action_taken_by_account ? [' by ', accountLink(report.action_taken_by_account)] : null, ' ',
      timeElement(report.action_taken_at)]
    : 'Open';
  replaceChildren(body,
    h('dl', { class: 'fields report-facts' },
      h('dt', {}, 'State'), h('dd', { id: 'report-state' }, status),
      h('dt', {}, 'About'), h('dd', { id: 'report-target' }, accountLink(report.target_account)),
      h('dt', {}, 'Reported by'), h('dd', {}, accountLink(report.account)),
      h('dt', {}, 'Category'), h('dd', {}, report.category),
      h('dt', {}, 'Filed'), h('dd', {}, timeElement(report.created_at), report.forwarded ? ' · forwarded' : ''),
      h('dt', {}, 'Taken on by'), h('dd', { id: 'report-assignee' }, accountLink(report.assigned_account)),
      report.rules.length ? [h('dt', {}, 'Rules'), h('dd', {}, report.rules.map((rule) => rule.text).join('; '))]
        : null),
    h('h2', {}, 'Comment'),
    h('p', { class: 'report-comment' }, report.comment || 'No comment.'),
    h('h2', {}, 'Posts'),
    report.statuses.length ? h('div', { class: 'report-statuses' }, report.statuses.map((item) => statusElement(item)))
      : h('p', {}, 'No posts attached.'),
    h('div', { class: 'row-actions' },
      mine ? step('unassign', 'Unassign') : step('assign_to_self', 'Assign to me'),
      report.action_taken ? step('reopen', 'Reopen') : step('resolve', 'Resolve without action')),
    report.action_taken ? null : [h('h2', {}, 'Act on the account'),
      actionForm(report.target_account, { reportId: report.id, onDone: redraw })],
    h('h2', {}, 'Notes'),
    notesOf(report, notes, redraw));
}

function notesOf(report, notes, redraw) {
  const text = h('textarea', { id: 'note-text', rows: 2, required: true, placeholder: 'For the other moderators' });
  const form = h('form', { class: 'mod-form' }, h('label', { for: 'note-text' }, 'Add a note'), text,
    h('button', { type: 'submit', id: 'note-submit' }, 'Add note'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await post(`/api/v1/admin/reports/${report.id}/notes`, { content: text.value });
      redraw();
    } catch (error) {
      showError(error);
    }
  });
  return [
    h('ul', { class: 'report-notes' }, notes.length ? notes.map((note) => h('li', {},
      h('p', { class: 'acct' }, note.account ? adminAcct(note.account) : 'From the command line', ' · ',
        timeElement(note.created_at)),
      h('p', {}, note.content))) : h('li', { class: 'acct' }, 'No notes yet.')),
    form];
}

// Other servers, for owners and admins: which are blocked or limited and how, which are allowed when federation
// is by allow-list, and the relays this server follows.
import { api, post } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { allPages, moderationScreen, problem } from '../moderation.js';
import { timeElement } from '../time.js';
import { showError, toast } from '../toast.js';

const SEVERITIES = { silence: 'Limit', suspend: 'Suspend', noop: 'No limit' };
const SEVERITY_CHOICES = {
  silence: 'Limit (their posts reach only their followers)', suspend: 'Suspend (no contact at all)',
  noop: 'No limit (only what is ticked below)',
};

export function federation(outlet) {
  const blocks = h('ul', { class: 'lists', id: 'domain-blocks' });
  const allows = h('ul', { class: 'lists', id: 'domain-allows' });
  const relays = h('ul', { class: 'lists', id: 'relays' });
  const blockForm = domainBlockForm(() => drawBlocks());
  const drawBlocks = listFromApi(blocks, '/api/v1/admin/domain_blocks', 'No server is blocked.', (block) => [
    h('span', { class: 'mod-row-text' }, h('strong', {}, block.domain), ' ',
      h('span', { class: `mod-flag ${block.severity}` }, SEVERITIES[block.severity] ?? block.severity),
      block.reject_media ? h('span', { class: 'mod-flag' }, 'no media') : null,
      block.reject_reports ? h('span', { class: 'mod-flag' }, 'no reports') : null,
      block.public_comment ? h('span', { class: 'acct' }, ` ${block.public_comment}`) : null),
    h('button', { type: 'button', class: 'secondary', onclick: () => blockForm.edit(block) }, 'Edit'),
    remove(`/api/v1/admin/domain_blocks/${block.id}`, `Unblock ${block.domain}?`, () => drawBlocks())]);
  const drawAllows = listFromApi(allows, '/api/v1/admin/domain_allows', 'No server is on the allow-list.', (allow) => [
    h('span', { class: 'mod-row-text' }, h('strong', {}, allow.domain), ' ', timeElement(allow.created_at)),
    remove(`/api/v1/admin/domain_allows/${allow.id}`, `Take ${allow.domain} off the allow-list?`, () => drawAllows())]);
  const drawRelays = listFromApi(relays, '/api/v1/admin/relays', 'No relays.', (relay) => [
    h('span', { class: 'mod-row-text' }, h('strong', {}, relay.inbox_url), ' ',
      h('span', { class: `mod-flag ${relay.state}` }, relay.state)),
    remove(`/api/v1/admin/relays/${relay.id}`, `Leave the relay ${relay.inbox_url}?`, () => drawRelays())], false);
  moderationScreen(outlet, 'Federation',
    h('div', { class: 'mod-panel' },
      h('h2', {}, 'Blocked and limited servers'), blockForm.form, blocks,
      h('h2', {}, 'Allowed servers'),
      h('p', { class: 'acct' }, 'Used when this server federates only with the servers it allows.'),
      oneFieldForm('allow-domain', 'Server to allow', 'Allow', (domain) => post('/api/v1/admin/domain_allows',
        { domain }), () => drawAllows()), allows,
      h('h2', {}, 'Relays'),
      oneFieldForm('relay-inbox', 'Relay inbox address', 'Add relay', (inbox) => post('/api/v1/admin/relays',
        { inbox_url: inbox }), () => drawRelays(), 'url'), relays));
  drawBlocks();
  drawAllows();
  drawRelays();
  return null;
}

// Draws a list from the API into its element, and again each time the returned function is called.
function listFromApi(element, path, empty, row, paged = true) {
  return async () => {
    try {
      const items = paged ? await allPages(path) : (await api(path)).data;
      replaceChildren(element, items.length ? items.map((item) => h('li', { dataset: { id: item.id } }, row(item)))
        : h('li', { class: 'acct' }, empty));
    } catch (error) {
      replaceChildren(element, h('li', {}, problem(error)));
    }
  };
}

function remove(path, ask, done) {
  return h('button', { type: 'button', class: 'secondary', onclick: async () => {
    if (!confirm(ask)) return;
    try {
      await api(path, { method: 'DELETE' });
      done();
    } catch (error) {
      showError(error);
    }
  } }, 'Remove');
}

function oneFieldForm(id, label, action, send, done, type = 'text') {
  const input = h('input', { id, type, required: true });
  const form = h('form', { class: 'mod-form mod-inline' }, h('label', { for: id }, label), input,
    h('button', { type: 'submit', id: `${id}-submit` }, action));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await send(input.value.trim());
      input.value = '';
      done();
    } catch (error) {
      showError(error);
    }
  });
  return form;
}

// Blocks a server, or changes a block: the form is filled from the block being edited, whose domain stays.
function domainBlockForm(done) {
  const field = (id, label, props) => [h('label', { for: id }, label), h('input', { id, ...props })];
  const check = (id, label) => h('label', { class: 'check' }, h('input', { type: 'checkbox', id }), ` ${label}`);
  let editing = null;
  const submit = h('button', { type: 'submit', id: 'block-submit' }, 'Block');
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => reset() }, 'Cancel');
  const form = h('form', { class: 'mod-form', id: 'domain-block-form' },
    field('block-domain', 'Server', { required: true, placeholder: 'spam.example' }),
    h('label', { for: 'block-severity' }, 'Severity'),
    h('select', { id: 'block-severity' }, Object.entries(SEVERITY_CHOICES).map(([value, text]) => h('option', { value },
      text))),
    check('block-reject-media', 'Reject their media'), check('block-reject-reports', 'Ignore their reports'),
    check('block-obfuscate', 'Hide the domain in the public list'),
    field('block-private-comment', 'Note for moderators', {}),
    field('block-public-comment', 'Public reason', {}),
    h('div', { class: 'row-actions' }, submit, cancel));
  const elements = form.elements;
  const reset = () => {
    editing = null;
    form.reset();
    elements['block-domain'].readOnly = false;
    submit.textContent = 'Block';
    cancel.hidden = true;
  };
  const edit = (block) => {
    editing = block;
    elements['block-domain'].value = block.domain;
    elements['block-domain'].readOnly = true;
    elements['block-severity'].value = block.severity;
    elements['block-reject-media'].checked = block.reject_media;
    elements['block-reject-reports'].checked = block.reject_reports;
    elements['block-obfuscate'].checked = block.obfuscate;
    elements['block-private-comment'].value = block.private_comment ?? '';
    elements['block-public-comment'].value = block.public_comment ?? '';
    submit.textContent = 'Save';
    cancel.hidden = false;
    elements['block-severity'].focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { domain: elements['block-domain'].value.trim(), severity: elements['block-severity'].value,
      reject_media: elements['block-reject-media'].checked, reject_reports: elements['block-reject-reports'].checked,
      obfuscate: elements['block-obfuscate'].checked, private_comment: elements['block-private-comment'].value,
      public_comment: elements['block-public-comment'].value };
    try {
      if (editing) await api(`/api/v1/admin/domain_blocks/${editing.id}`, { method: 'PUT', json: body });
      else await post('/api/v1/admin/domain_blocks', body);
      toast(editing ? `${body.domain}: block changed.` : `${body.domain} is blocked.`);
      reset();
      done();
    } catch (error) {
      showError(error);
    }
  });
  return { form, edit };
}

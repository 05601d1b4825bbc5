// The composer: text with a live count, content warning, visibility, images with descriptions, replies and edits.
// What failed to go out stays in it, with the reason shown, until it goes out or the person clears it.
import { api, get } from './api.js';
import { h, replaceChildren } from './dom.js';
import { icon } from './icons.js';
import { countedLength } from './length.js';
import { emit, on, state } from './state.js';
import { toast } from './toast.js';

const VISIBILITIES = [['public', 'Public'], ['unlisted', 'Unlisted'], ['private', 'Followers only'],
  ['direct', 'Direct (mentioned people only)']];

export function composer() {
  const limits = state.instance?.configuration?.statuses ?? {};
  const maxCharacters = limits.max_characters ?? 500;
  const maxMedia = limits.max_media_attachments ?? 4;
  let draft = freshDraft();

  const text = h('textarea', { id: 'compose-text', name: 'status', rows: 4, 'aria-label': 'What is on your mind?',
    placeholder: 'What is on your mind?', 'aria-describedby': 'compose-count' });
  const spoiler = h('input', { id: 'compose-spoiler', type: 'text', hidden: true, placeholder: 'Content warning',
    'aria-label': 'Content warning' });
  const cwToggle = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false', id: 'compose-cw-toggle',
    'aria-label': 'Content warning', title: 'Content warning' }, 'CW');
  const visibility = h('select', { id: 'compose-visibility', 'aria-label': 'Who can see this' },
    VISIBILITIES.map(([value, label]) => h('option', { value }, label)));
  const count = h('span', { id: 'compose-count', class: 'count', 'aria-live': 'polite' });
  const fileInput = h('input', { type: 'file', accept: 'image/*', multiple: true, hidden: true, id: 'compose-files' });
  const attach = h('button', { type: 'button', class: 'secondary', 'aria-label': 'Add images', title: 'Add images' },
    icon('image'));
  const attachments = h('div', { class: 'attachments' });
  const context = h('div', { class: 'compose-context' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', id: 'compose-submit' }, 'Post');
  const form = h('form', { class: 'composer', 'aria-label': 'New post' }, context, spoiler, text, attachments, error,
    h('div', { class: 'compose-bar' }, attach, fileInput, cwToggle, visibility),
    h('div', { class: 'compose-bar send' }, count, submit));

  function freshDraft() {
    return { replyTo: null, editing: null, media: [], key: crypto.randomUUID() };
  }

  function refreshCount() {
    const left = maxCharacters - countedLength(text.value, spoiler.hidden ? '' : spoiler.value);
    count.textContent = String(left);
    count.classList.toggle('over', left < 0);
    count.setAttribute('aria-label', `${left} characters left`);
    submit.disabled = left < 0 || (!text.value.trim() && draft.media.length === 0);
  }

  function setWarning(shown) {
    spoiler.hidden = !shown;
    cwToggle.setAttribute('aria-pressed', String(shown));
    if (shown) spoiler.focus();
    refreshCount();
  }

  function drawContext() {
    const target = draft.editing ?? draft.replyTo;
    if (!target) {
      replaceChildren(context);
      submit.textContent = 'Post';
      return;
    }
    replaceChildren(context, h('p', {},
      draft.editing ? 'Editing your post' : `Replying to @${target.account.acct}`, ' ',
      h('button', { type: 'button', class: 'plain', onclick: reset }, 'Cancel')));
    submit.textContent = draft.editing ? 'Save' : 'Reply';
  }

  function drawAttachments() {
    replaceChildren(attachments, draft.media.map((item, index) => h('figure', { class: 'attachment' },
      h('img', { src: item.preview, alt: '' }),
      h('figcaption', {},
        h('label', { for: `media-description-${index}` }, 'Description for people who cannot see it'),
        h('textarea', { id: `media-description-${index}`, rows: 2, value: item.description, disabled: item.locked,
          oninput: (event) => { item.description = event.target.value; } }),
        item.locked ? null : h('button', { type: 'button', class: 'plain', onclick: () => {
          draft.media.splice(index, 1);
          drawAttachments();
          refreshCount();
        } }, 'Remove')))));
    attach.disabled = draft.media.length >= maxMedia;
  }

  function reset() {
    draft = freshDraft();
    text.value = '';
    spoiler.value = '';
    setWarning(false);
    visibility.value = state.me?.source?.privacy ?? 'public';
    visibility.disabled = false;
    error.hidden = true;
    drawContext();
    drawAttachments();
    refreshCount();
  }

  async function uploadPending() {
    for (const item of draft.media) {
      if (item.locked) continue;
      if (!item.id) {
        const body = new FormData();
        body.append('file', item.file);
        body.append('description', item.description);
        item.id = (await api('/api/v2/media', { method: 'POST', form: body })).data.id;
        item.sentDescription = item.description;
      } else if (item.sentDescription !== item.description) {
        await api(`/api/v1/media/${item.id}`, { method: 'PUT', json: { description: item.description } });
        item.sentDescription = item.description;
      }
    }
  }

  async function send(event) {
    event.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      await uploadPending();
      const body = {
        status: text.value, spoiler_text: spoiler.hidden ? '' : spoiler.value, visibility: visibility.value,
        media_ids: draft.media.map((item) => item.id), sensitive: !spoiler.hidden && spoiler.value.trim() !== '',
      };
      if (draft.replyTo) body.in_reply_to_id = draft.replyTo.id;
      const sent = draft.editing
        ? (await api(`/api/v1/statuses/${draft.editing.id}`, { method: 'PUT', json: body })).data
        // the key makes a retry after a lost answer post once, not twice
        : (await api('/api/v1/statuses', { method: 'POST', json: body, headers: { 'Idempotency-Key': draft.key } })).data;
      emit(draft.editing ? 'status:edited' : 'status:posted', sent);
      toast(draft.editing ? 'Saved.' : 'Posted.');
      reset();
    } catch (failure) {
      error.textContent = `Not sent: ${failure.message}`;
      error.hidden = false;
      refreshCount();
    }
  }

  text.addEventListener('input', refreshCount);
  spoiler.addEventListener('input', refreshCount);
  cwToggle.addEventListener('click', () => setWarning(spoiler.hidden));
  attach.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    for (const file of [...fileInput.files].slice(0, maxMedia - draft.media.length)) {
      draft.media.push({ file, preview: URL.createObjectURL(file), description: '' });
    }
    fileInput.value = '';
    drawAttachments();
    refreshCount();
  });
  // Ctrl+Enter posts, as in most clients
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !submit.disabled) form.requestSubmit();
  });
  form.addEventListener('submit', send);

  on('compose:reply', (status) => {
    draft.replyTo = status;
    draft.editing = null;
    const mentions = [status.account, ...status.mentions]
      .map((account) => account.acct).filter((acct) => acct !== state.me?.acct);
    text.value = [...new Set(mentions)].map((acct) => `@${acct} `).join('');
    if (status.spoiler_text) {
      spoiler.value = status.spoiler_text;
      setWarning(true);
    }
    visibility.value = status.visibility === 'public' ? (state.me?.source?.privacy ?? 'public') : status.visibility;
    drawContext();
    refreshCount();
    text.focus();
    text.setSelectionRange(text.value.length, text.value.length);
  });
  on('compose:edit', async (status) => {
    try {
      const source = await get(`/api/v1/statuses/${status.id}/source`);
      draft = { ...freshDraft(), editing: status, replyTo: null,
        media: status.media_attachments.map((media) => ({ id: media.id, preview: media.preview_url,
          description: media.description ?? '', locked: true })) };
      text.value = source.text;
      spoiler.value = source.spoiler_text;
      setWarning(source.spoiler_text !== '');
      visibility.value = status.visibility;
      visibility.disabled = true;
      drawContext();
      drawAttachments();
      refreshCount();
      text.focus();
    } catch (failure) {
      toast(failure.message, 'error');
    }
  });
  reset();
  return form;
}

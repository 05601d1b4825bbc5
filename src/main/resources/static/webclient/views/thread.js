// A post with the posts it answers above it and the answers below.
import { get } from '../api.js';
import { h } from '../dom.js';
import { on } from '../state.js';
import { statusElement, updateShown } from '../statuses.js';

export function thread(outlet, { id }) {
  const column = h('section', { class: 'column', 'aria-labelledby': 'view-title' }, h('h1', { id: 'view-title' }, 'Thread'));
  const list = h('div', { class: 'feed thread', 'aria-busy': 'true' });
  column.append(list);
  outlet.append(column);
  Promise.all([get(`/api/v1/statuses/${id}`), get(`/api/v1/statuses/${id}/context`)]).then(([status, context]) => {
    const focused = statusElement(status, { focused: true });
    list.append(...context.ancestors.map((s) => statusElement(s)), focused,
      ...context.descendants.map((s) => statusElement(s)));
    list.setAttribute('aria-busy', 'false');
    focused.focus();
  }).catch((error) => {
    list.append(h('p', { class: 'error' }, error.message));
  });
  const stopPosted = on('status:posted', (status) => {
    if (status.in_reply_to_id && list.querySelector(`[data-id="${CSS.escape(status.in_reply_to_id)}"]`)) {
      list.append(statusElement(status));
    }
  });
  const stopEdited = on('status:edited', updateShown);
  return () => {
    stopPosted();
    stopEdited();
  };
}

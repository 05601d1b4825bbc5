// Short messages for the person, errors above all, read out by screen readers as they appear.
import { h } from './dom.js';

let region = null;

export function toast(text, kind = 'info') {
  if (!region) {
    region = h('div', { class: 'toasts', role: 'status', 'aria-live': 'assertive' });
    document.body.append(region);
  }
  const item = h('p', { class: `toast ${kind}` }, text,
    h('button', { type: 'button', class: 'plain', 'aria-label': 'Dismiss', onclick: () => item.remove() }, '×'));
  region.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 10000 : 4000);
}

export function showError(error) {
  toast(error.message ?? String(error), 'error');
}

// People: a row for lists of accounts, and the follow button whose label says the relationship.
import { get, post } from './api.js';
import { h, replaceChildren } from './dom.js';
import { profilePath } from './links.js';
import { state } from './state.js';
import { avatar, displayName } from './statuses.js';
import { showError } from './toast.js';

export async function relationshipOf(account) {
  const [relationship] = await get('/api/v1/accounts/relationships', { id: [account.id] });
  return relationship;
}

function followLabel(relationship) {
  if (relationship.following) return 'Unfollow';
  if (relationship.requested) return 'Requested · cancel';
  return relationship.followed_by ? 'Follow back' : 'Follow';
}

// Draws itself from the relationship it is given, and again from each answer.
export function followButton(account, relationship) {
  const button = h('button', { type: 'button', class: 'follow' });
  const drawFrom = (current) => {
    relationship = current;
    button.textContent = followLabel(current);
    button.classList.toggle('secondary', current.following || current.requested);
    button.setAttribute('aria-pressed', String(current.following || current.requested));
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const undo = relationship.following || relationship.requested;
      drawFrom(await post(`/api/v1/accounts/${account.id}/${undo ? 'unfollow' : 'follow'}`));
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
  drawFrom(relationship);
  return button;
}

export function accountRow(account, { actions = null } = {}) {
  const row = h('div', { class: 'account-row', dataset: { id: account.id } },
    h('a', { href: profilePath(account), class: 'author' }, avatar(account),
      h('span', { class: 'names' }, h('strong', { class: 'display-name' }, displayName(account)),
        h('span', { class: 'acct' }, `@${account.acct}`))),
    h('div', { class: 'row-actions' }, actions));
  if (!actions && state.me && account.id !== state.me.id) {
    relationshipOf(account).then((relationship) => {
      replaceChildren(row.querySelector('.row-actions'), followButton(account, relationship));
    }).catch(() => {});
  }
  return row;
}

// Follow requests waiting for the person's answer, for locked accounts.
import { post } from '../api.js';
import { h } from '../dom.js';
import { feed } from '../feed.js';
import { accountRow } from '../accounts.js';
import { showError, toast } from '../toast.js';

export function followRequests(outlet) {
  const answer = (account, verb, row) => async () => {
    try {
      await post(`/api/v1/follow_requests/${account.id}/${verb}`);
      row().remove();
      toast(verb === 'authorize' ? `@${account.acct} follows you now.` : `Request of @${account.acct} rejected.`);
    } catch (error) {
      showError(error);
    }
  };
  return feed(outlet, { title: 'Follow requests', path: '/api/v1/follow_requests', itemName: 'requests',
    empty: 'No follow requests.', render: (account) => {
      let row = null;
      row = accountRow(account, { actions: [
        h('button', { type: 'button', onclick: answer(account, 'authorize', () => row) }, 'Approve'),
        h('button', { type: 'button', class: 'secondary', onclick: answer(account, 'reject', () => row) }, 'Reject')] });
      return row;
    } }).cleanup;
}

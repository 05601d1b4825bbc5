// A person's profile, local or remote: header, bio, fields, counts, the follow button, block and mute, their posts.
import { get, post } from '../api.js';
import { h, richText, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { feed } from '../feed.js';
import { linkMentionsInApp, profilePath } from '../links.js';
import { followButton, relationshipOf, accountRow } from '../accounts.js';
import { state } from '../state.js';
import { avatar, displayName, statusElement } from '../statuses.js';
import { showError, toast } from '../toast.js';

// A handle this server does not know yet is looked up on its server through search, as typing it would.
export async function findAccount(acct) {
  try {
    return await get('/api/v1/accounts/lookup', { acct });
  } catch (error) {
    if (error.status !== 404 || !acct.includes('@')) throw error;
    const found = await get('/api/v2/search', { q: `@${acct}`, resolve: 'true', type: 'accounts', limit: 1 });
    if (!found.accounts.length) throw error;
    return found.accounts[0];
  }
}

function loading(outlet) {
  const placeholder = h('p', { class: 'loading' }, 'Loading…');
  outlet.append(placeholder);
  return placeholder;
}

export function profile(outlet, { acct }) {
  let stop = () => {};
  const placeholder = loading(outlet);
  findAccount(acct).then(async (account) => {
    placeholder.remove();
    const card = h('div', { class: 'profile' });
    drawProfile(card, account, state.me && account.id !== state.me.id ? await relationshipOf(account) : null);
    stop = feed(outlet, { title: displayName(account), header: card, render: (status) => statusElement(status),
      path: `/api/v1/accounts/${account.id}/statuses`, empty: 'No posts yet.' }).cleanup;
  }).catch((error) => {
    placeholder.textContent = error.message;
  });
  return () => stop();
}

function drawProfile(card, account, relationship) {
  const counts = h('p', { class: 'counts' },
    h('span', {}, h('strong', {}, String(account.statuses_count)), account.statuses_count === 1 ? ' post' : ' posts'),
    ' · ',
    h('a', { href: `${profilePath(account)}/following` }, h('strong', {}, String(account.following_count)), ' following'),
    ' · ',
    h('a', { href: `${profilePath(account)}/followers` }, h('strong', {}, String(account.followers_count)),
      account.followers_count === 1 ? ' follower' : ' followers'));
  const own = state.me && account.id === state.me.id;
  replaceChildren(card,
    h('img', { class: 'banner', src: account.header, alt: '' }),
    h('div', { class: 'profile-head' },
      avatar(account, 'large'),
      h('div', { class: 'names' },
        h('strong', { class: 'display-name' }, displayName(account), ' ',
          account.locked ? h('span', { title: 'Approves followers by hand' }, icon('lock')) : null),
        h('span', { class: 'acct' }, `@${account.acct}`),
        relationship?.followed_by ? h('span', { class: 'badge' }, 'Follows you') : null),
      h('div', { class: 'profile-actions' },
        own ? h('a', { href: '/web/settings', class: 'button secondary' }, 'Edit profile') : null,
        relationship ? followButton(account, relationship) : null,
        relationship ? moderationButtons(card, account, relationship) : null)),
    h('div', { class: 'note' }, linkMentionsInApp(richText(account.note))),
    account.fields?.length ? h('dl', { class: 'fields' }, account.fields.flatMap((field) => [
      h('dt', {}, field.name), h('dd', {}, richText(field.value))])) : null,
    counts);
}

function moderationButtons(card, account, relationship) {
  const toggle = (active, on, off, labelOn, labelOff, ask) => h('button', { type: 'button', class: 'secondary',
    'aria-pressed': String(active), onclick: async () => {
      if (!active && ask && !confirm(ask)) return;
      try {
        const updated = await post(`/api/v1/accounts/${account.id}/${active ? off : on}`);
        drawProfile(card, account, updated);
        toast(active ? `${labelOff} undone.` : `${labelOn}.`);
      } catch (error) {
        showError(error);
      }
    } }, active ? `Un${labelOff.toLowerCase()}` : labelOn);
  return h('span', { class: 'moderation' },
    toggle(relationship.muting, 'mute', 'unmute', 'Mute', 'Mute', null),
    toggle(relationship.blocking, 'block', 'unblock', 'Block', 'Block',
      `Block @${account.acct}? They will not see your posts and you will not see theirs.`));
}

function people(outlet, acct, which, title) {
  let stop = () => {};
  const placeholder = loading(outlet);
  findAccount(acct).then((account) => {
    placeholder.remove();
    stop = feed(outlet, { title: `${title} · ${displayName(account)}`, itemName: 'people',
      path: `/api/v1/accounts/${account.id}/${which}`, render: (person) => accountRow(person),
      empty: which === 'followers' ? 'No followers yet.' : 'Not following anyone yet.' }).cleanup;
  }).catch((error) => {
    placeholder.textContent = error.message;
  });
  return () => stop();
}

export function followers(outlet, { acct }) {
  return people(outlet, acct, 'followers', 'Followers');
}

export function following(outlet, { acct }) {
  return people(outlet, acct, 'following', 'Following');
}

// Notifications, live: what people did with your posts and account, newest first, unread ones marked.
import { h } from '../dom.js';
import { feed } from '../feed.js';
import { profilePath } from '../links.js';
import { lastRead, markRead } from '../notifications.js';
import { avatar, displayName, statusElement } from '../statuses.js';
import { timeElement } from '../time.js';

const SAID = {
  mention: 'mentioned you', status: 'posted', reblog: 'boosted your post', follow: 'followed you',
  follow_request: 'asked to follow you', favourite: 'favourited your post', update: 'edited a post',
  reaction: 'reacted to your post', 'admin.sign_up': 'signed up', 'admin.report': 'filed a report',
  moderation_warning: 'got a message from the moderators',
};

const MODERATED = {
  none: 'The moderators sent you a warning.', sensitive: 'The moderators marked your media as sensitive.',
  disable: 'The moderators froze your account.', silence: 'The moderators limited your account.',
  suspend: 'The moderators suspended your account.',
};

function warningElement(warning) {
  return h('blockquote', { class: 'moderation-warning' },
    h('p', {}, MODERATED[warning.action] ?? MODERATED.none), warning.text ? h('p', {}, warning.text) : null);
}

function notificationElement(notification, readUpTo) {
  const unread = readUpTo === null || BigInt(notification.id) > BigInt(readUpTo);
  const who = notification.account;
  return h('article', { class: unread ? 'notification unread' : 'notification', tabindex: '0',
    dataset: { id: notification.id }, 'aria-label': `${displayName(who)} ${SAID[notification.type] ?? notification.type}` },
    h('p', { class: 'notification-head' },
      h('a', { href: profilePath(who), class: 'author' }, avatar(who, 'small'), h('strong', {}, displayName(who))),
      ' ', SAID[notification.type] ?? notification.type,
      notification.type === 'reaction' && notification.emoji ? ` ${notification.emoji}` : '',
      ' · ', timeElement(notification.created_at),
      unread ? h('span', { class: 'unread-dot', 'aria-label': 'unread' }) : null,
      review(notification)),
    notification.status ? statusElement(notification.status) : null,
    notification.moderation_warning ? warningElement(notification.moderation_warning) : null);
}

// Where the person answers a notification that asks something of them.
function review(notification) {
  const where = {
    follow_request: () => '/web/follow_requests',
    'admin.report': () => `/web/moderation/reports/${notification.report.id}`,
    'admin.sign_up': () => `/web/moderation/accounts/${notification.account.id}`,
  }[notification.type];
  return where ? h('a', { href: where(), class: 'button secondary' }, 'Review') : null;
}

export function notifications(outlet) {
  let stop = () => {};
  let left = false;
  lastRead().then((readUpTo) => {
    if (!left) stop = show(outlet, readUpTo);
  });
  return () => {
    left = true;
    stop();
  };
}

function show(outlet, readUpTo) {
  let newest = null;
  const view = feed(outlet, { title: 'Notifications', path: '/api/v1/notifications', itemName: 'notifications',
    render: (notification) => notificationElement(notification, readUpTo), stream: { name: 'user' },
    liveEvent: 'notification', empty: 'No notifications yet.',
    onItems: (items, atTop) => {
      if (!items.length) return;
      if (atTop || newest === null) newest = items[0].id;
      markRead(newest).catch(() => {});
    } });
  return view.cleanup;
}

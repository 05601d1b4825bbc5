// The unread count beside "Notifications": read from the markers API at start, raised by the user stream, and
// cleared (with the marker moved) when the notifications are looked at.
import { get, post } from './api.js';
import { subscribe } from './streaming.js';

let unread = 0;
let lastReadId = null;
let started = null;
const watchers = new Set();

function tell() {
  watchers.forEach((watcher) => watcher(unread));
}

export function onUnreadChange(watcher) {
  watchers.add(watcher);
  watcher(unread);
}

// Where the reader had got to, once the marker is known (unread notifications are drawn as such).
export async function lastRead() {
  await started?.catch(() => {});
  return lastReadId;
}

export function startUnreadCount() {
  started = countUnread();
  return started;
}

async function countUnread() {
  const markers = await get('/api/v1/markers', { timeline: ['notifications'] });
  lastReadId = markers.notifications?.last_read_id ?? null;
  const newer = await get('/api/v1/notifications', lastReadId ? { since_id: lastReadId, limit: 40 } : { limit: 40 });
  unread = newer.length;
  tell();
  subscribe('user', null, (event) => {
    if (event !== 'notification') return;
    unread += 1;
    tell();
  });
}

export async function markRead(newestId) {
  unread = 0;
  tell();
  if (!newestId || (lastReadId && BigInt(newestId) <= BigInt(lastReadId))) return;
  lastReadId = newestId;
  await post('/api/v1/markers', { notifications: { last_read_id: newestId } });
}

// Home, local, federated, hashtag and list timelines: the same feed over different endpoints and streams.
import { h } from '../dom.js';
import { feed } from '../feed.js';
import { get } from '../api.js';
import { on } from '../state.js';
import { statusElement, updateShown } from '../statuses.js';
import { subscribe } from '../streaming.js';

function timeline(outlet, options, { ownPosts = () => false } = {}) {
  const view = feed(outlet, { render: (status) => statusElement(status), ...options });
  const stopPosted = on('status:posted', (status) => { if (ownPosts(status)) view.incoming(status); });
  const stopEdited = on('status:edited', updateShown);
  const stopEdits = options.stream ? subscribe(options.stream.name, options.stream.param, (event, payload) => {
    if (event === 'status.update') updateShown(payload);
  }) : () => {};
  return () => {
    view.cleanup();
    stopPosted();
    stopEdited();
    stopEdits();
  };
}

export function home(outlet) {
  return timeline(outlet, { title: 'Home', path: '/api/v1/timelines/home', stream: { name: 'user' },
    empty: 'Your home timeline is empty. Follow people to see their posts here.' }, { ownPosts: () => true });
}

export function local(outlet) {
  return timeline(outlet, { title: 'Local', path: '/api/v1/timelines/public', query: { local: 'true' },
    stream: { name: 'public:local' }, empty: 'Nobody on this server has posted in public yet.' },
  { ownPosts: (status) => status.visibility === 'public' });
}

export function federated(outlet) {
  return timeline(outlet, { title: 'Federated', path: '/api/v1/timelines/public', stream: { name: 'public' },
    empty: 'No public posts known yet.' }, { ownPosts: (status) => status.visibility === 'public' });
}

export function hashtag(outlet, { tag }) {
  const name = tag.toLowerCase();
  return timeline(outlet, { title: `#${name}`, path: `/api/v1/timelines/tag/${encodeURIComponent(name)}`,
    stream: { name: 'hashtag', param: name }, empty: `No posts with #${name} yet.` },
  { ownPosts: (status) => status.visibility === 'public' && status.tags.some((t) => t.name.toLowerCase() === name) });
}

export function list(outlet, { id }) {
  const title = h('span', {}, 'List');
  get(`/api/v1/lists/${id}`).then((found) => { title.textContent = found.title; }).catch(() => {});
  const stop = timeline(outlet, { title: 'List', path: `/api/v1/timelines/list/${id}`,
    stream: { name: 'list', param: id }, empty: 'No posts from the people in this list yet.' });
  outlet.querySelector('#view-title').replaceChildren(title);
  return stop;
}

export function favourites(outlet) {
  return timeline(outlet, { title: 'Favourites', path: '/api/v1/favourites', empty: 'No favourites yet.' });
}

export function bookmarks(outlet) {
  return timeline(outlet, { title: 'Bookmarks', path: '/api/v1/bookmarks', empty: 'No bookmarks yet.' });
}


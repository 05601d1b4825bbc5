// Settings → your data: Mastodon's CSV exports and archives to download, and imports of both with their progress.
import { api, download, get } from '../api.js';
import { h } from '../dom.js';
import { toast } from '../toast.js';

const EXPORTS = [
  ['follows', 'following_accounts.csv', 'Follows'],
  ['lists', 'lists.csv', 'Lists'],
  ['blocks', 'blocked_accounts.csv', 'Blocked accounts'],
  ['mutes', 'muted_accounts.csv', 'Muted accounts'],
  ['domain_blocks', 'blocked_domains.csv', 'Hidden servers'],
  ['bookmarks', 'bookmarks.csv', 'Bookmarks'],
];

const IMPORT_TYPES = [
  ['following', 'Follows'],
  ['lists', 'Lists'],
  ['blocking', 'Blocked accounts'],
  ['muting', 'Muted accounts'],
  ['domain_blocking', 'Hidden servers'],
  ['bookmarks', 'Bookmarks'],
  ['archive', 'Posts of an archive (zip)'],
];

const PROGRESS_EVERY_MS = 2000;

export function dataSection() {
  const exports = h('ul', { class: 'exports' }, EXPORTS.map(([name, fileName, label]) => h('li', {},
    h('button', { type: 'button', class: 'secondary', onclick: () => save(name, fileName) },
      `${label} (CSV)`))));
  const progress = h('p', { role: 'status' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'settings import', 'aria-label': 'Import' },
    h('label', { for: 'import-type' }, 'What the file holds'),
    h('select', { id: 'import-type', name: 'type' },
      IMPORT_TYPES.map(([value, label]) => h('option', { value }, label))),
    h('label', { for: 'import-mode' }, 'How'),
    h('select', { id: 'import-mode', name: 'mode' },
      h('option', { value: 'merge' }, 'Add to what I have'),
      h('option', { value: 'overwrite' }, 'Replace what I have')),
    h('label', { for: 'import-data' }, 'File (as Mastodon exports it)'),
    h('input', { id: 'import-data', name: 'data', type: 'file', accept: '.csv,text/csv,.zip,application/zip',
      required: true }),
    error,
    h('button', { type: 'submit' }, 'Import'),
    progress);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      const started = (await api('/api/v1/imports', { method: 'POST', form: new FormData(form) })).data;
      form.reset();
      follow(started, progress);
    } catch (failure) {
      error.textContent = `Not imported: ${failure.message}`;
      error.hidden = false;
    }
  });
  const archives = h('ul', { class: 'exports' });
  const requestArchive = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    try {
      await api('/api/v1/archives', { method: 'POST' });
      toast('Your archive is being made.');
      showArchives(archives);
    } catch (failure) {
      toast(`No archive: ${failure.message}`);
    }
  } }, 'Request an archive of your posts');
  showArchives(archives);
  return [h('h2', {}, 'Your data'), h('p', {}, 'Download:'), exports,
    h('h3', {}, 'Archive'), h('p', {}, requestArchive), archives,
    h('h3', {}, 'Import'), form];
}

// The archives asked for, each to download once made; looks again while one is being made.
async function showArchives(list) {
  let archives;
  try {
    archives = await get('/api/v1/archives');
  } catch {
    return;
  }
  list.replaceChildren(...archives.map((archive) => h('li', {}, archiveItem(archive))));
  if (list.isConnected && archives.some((archive) => archive.state !== 'finished')) {
    setTimeout(() => showArchives(list), PROGRESS_EVERY_MS);
  }
}

async function save(name, fileName) {
  try {
    await download(`/settings/exports/${name}.csv`, fileName);
  } catch (failure) {
    toast(`Not downloaded: ${failure.message}`);
  }
}

// Shows how far an import has come until it is done, for as long as its form is on the page.
async function follow(started, progress) {
  let current = started;
  while (progress.isConnected) {
    progress.textContent = current.state === 'finished'
      ? `Imported ${current.imported_items} of ${current.total_items}; ${current.failed_items} could not be imported.`
      : `Importing: ${current.processed_items} of ${current.total_items} done…`;
    if (current.state === 'finished') return;
    await new Promise((resolve) => setTimeout(resolve, PROGRESS_EVERY_MS));
    try {
      current = await get(`/api/v1/imports/${current.id}`);
    } catch (failure) {
      progress.textContent = `Progress unknown: ${failure.message}`;
      return;
    }
  }
}

function archiveItem(archive) {
  const label = `Archive of ${new Date(archive.created_at).toLocaleDateString()}`;
  if (archive.state !== 'finished') return `${label}: being made…`;
  const save = () => download(archive.download_url, `archive-${archive.id}.zip`)
    .catch((failure) => toast(`Not downloaded: ${failure.message}`));
  return h('button', { type: 'button', class: 'secondary', onclick: save }, label);
}

// The job queues, for owners and admins: how much waits and for how long, and a pause for each, as the admin API
// gives them. The figures are read again every few seconds while the screen is open.
import { get, post } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { moderationScreen, problem } from '../moderation.js';
import { showError } from '../toast.js';

const REFRESH_MILLIS = 5000;

export function queues(outlet) {
  const rows = h('tbody', {});
  const table = h('table', { class: 'mod-table', id: 'queues' },
    h('thead', {}, h('tr', {}, ['Queue', 'Waiting', 'Running', 'Scheduled', 'Dead', 'Oldest', 'Done/s', '']
      .map((label) => h('th', { scope: 'col' }, label)))),
    rows);
  const status = h('div', {});
  moderationScreen(outlet, 'Queues', h('div', { class: 'mod-panel' }, status, table));
  const draw = async () => {
    try {
      replaceChildren(rows, (await get('/api/v1/admin/queues')).map((queue) => row(queue, draw)));
      replaceChildren(status);
    } catch (error) {
      replaceChildren(status, problem(error));
    }
  };
  draw();
  const timer = setInterval(draw, REFRESH_MILLIS);
  return () => clearInterval(timer);
}

function row(queue, redraw) {
  const verb = queue.paused ? 'resume' : 'pause';
  return h('tr', { dataset: { queue: queue.name } },
    h('th', { scope: 'row' }, queue.name, queue.paused ? h('span', { class: 'mod-flag paused' }, 'paused') : null,
      queue.slowed ? h('span', { class: 'mod-flag slowed' }, 'slowed') : null),
    [queue.depth, queue.pending, queue.scheduled, queue.dead].map((count) => h('td', {}, String(count))),
    h('td', {}, `${queue.latency_seconds.toFixed(1)} s`),
    h('td', {}, queue.completed_per_second.toFixed(1)),
    h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: async () => {
      if (verb === 'pause' && !confirm(`Pause ${queue.name}? Its jobs wait until it is resumed.`)) return;
      try {
        // ingress:low as ingress-low, the spelling that needs no escaping in a path
        await post(`/api/v1/admin/queues/${queue.name.replace(':', '-')}/${verb}`);
        redraw();
      } catch (error) {
        showError(error);
      }
    } }, queue.paused ? 'Resume' : 'Pause')));
}

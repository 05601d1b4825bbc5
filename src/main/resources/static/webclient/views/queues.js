// The operator's screen, for owners and admins: the job queues (how much waits and for how long, a pause for each,
// the jobs that gave up and their replay) and the traffic of other servers (inbound throttling and rate limits,
// and those given up as unreachable). The queue figures are read again every few seconds while the screen is open.
import { api, get, post } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { moderationScreen, problem } from '../moderation.js';
import { timeElement } from '../time.js';
import { showError, toast } from '../toast.js';

const REFRESH_MILLIS = 5000;

// ingress:low as ingress-low, the spelling the server also reads, which needs no escaping in a path
function queuePath(name) {
  return `/api/v1/admin/queues/${name.replace(':', '-')}`;
}

export function queues(outlet) {
  const rows = h('tbody', {});
  const status = h('div', {});
  const dead = h('div', { id: 'dead-letters' });
  const traffic = h('div', { id: 'domain-traffic' });
  const table = h('table', { class: 'mod-table', id: 'queues' },
    h('thead', {}, h('tr', {}, ['Queue', 'Waiting', 'Running', 'Scheduled', 'Dead', 'Oldest', 'Done/s', '']
      .map((label) => h('th', { scope: 'col' }, label)))),
    rows);
  const draw = async () => {
    try {
      replaceChildren(rows, (await get('/api/v1/admin/queues')).map((queue) => queueRow(queue, draw, dead)));
      replaceChildren(status);
    } catch (error) {
      replaceChildren(status, problem(error));
    }
  };
  const drawTraffic = async () => {
    try {
      replaceChildren(traffic, trafficOf(await get('/api/v1/admin/domain_traffic'), drawTraffic));
    } catch (error) {
      replaceChildren(traffic, problem(error));
    }
  };
  moderationScreen(outlet, 'Queues', h('div', { class: 'mod-panel' },
    status, h('div', { class: 'mod-scroll' }, table), dead,
    h('h2', {}, 'Traffic of other servers'), steerForm(drawTraffic), traffic));
  draw();
  drawTraffic();
  const timer = setInterval(draw, REFRESH_MILLIS);
  return () => clearInterval(timer);
}

function queueRow(queue, redraw, dead) {
  const verb = queue.paused ? 'resume' : 'pause';
  return h('tr', { dataset: { queue: queue.name } },
    h('th', { scope: 'row' }, queue.name, queue.paused ? h('span', { class: 'mod-flag paused' }, 'paused') : null,
      queue.slowed ? h('span', { class: 'mod-flag slowed' }, 'slowed') : null),
    [queue.depth, queue.pending, queue.scheduled].map((count) => h('td', {}, String(count))),
    h('td', {}, queue.dead ? h('button', { type: 'button', class: 'plain',
      'aria-label': `Dead letters of ${queue.name}`, onclick: () => showDeadLetters(dead, queue.name, redraw) },
    String(queue.dead)) : '0'),
    h('td', {}, `${queue.latency_seconds.toFixed(1)} s`),
    h('td', {}, queue.completed_per_second.toFixed(1)),
    h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: async () => {
      if (verb === 'pause' && !confirm(`Pause ${queue.name}? Its jobs wait until it is resumed.`)) return;
      try {
        await post(`${queuePath(queue.name)}/${verb}`);
        redraw();
      } catch (error) {
        showError(error);
      }
    } }, queue.paused ? 'Resume' : 'Pause')));
}

async function showDeadLetters(element, queue, redrawQueues) {
  try {
    const letters = await get(`${queuePath(queue)}/dead_letters`);
    replaceChildren(element, h('h2', {}, `Dead letters of ${queue}`),
      h('ul', { class: 'lists' }, letters.length ? letters.map((letter) => h('li', { dataset: { id: letter.id } },
        h('span', { class: 'mod-row-text' }, h('strong', {}, letter.type), ` after ${letter.attempts} tries, `,
          timeElement(letter.died_at), h('br'), h('span', { class: 'acct' }, letter.last_error ?? '')),
        h('button', { type: 'button', class: 'secondary', onclick: async () => {
          try {
            await post(`${queuePath(queue)}/dead_letters/${encodeURIComponent(letter.id)}/replay`);
            toast(`${letter.type} is back in ${queue}.`);
            redrawQueues();
            showDeadLetters(element, queue, redrawQueues);
          } catch (error) {
            showError(error);
          }
        } }, 'Replay'))) : h('li', { class: 'acct' }, 'None left.')));
  } catch (error) {
    replaceChildren(element, problem(error));
  }
}

function trafficOf(servers, redraw) {
  const change = (domain, path, init, done) => async () => {
    try {
      await api(`/api/v1/admin/domain_traffic/${encodeURIComponent(domain)}${path}`, init);
      toast(`${domain}: ${done}.`);
      redraw();
    } catch (error) {
      showError(error);
    }
  };
  if (!servers.length) return h('p', { class: 'acct' }, 'Every server is reachable and none is steered.');
  return h('ul', { class: 'lists' }, servers.map((server) => h('li', { dataset: { domain: server.domain } },
    h('span', { class: 'mod-row-text' }, h('strong', {}, server.domain),
      server.inbound_throttled ? h('span', { class: 'mod-flag slowed' }, 'throttled') : null,
      server.inbound_rate_limit ? h('span', { class: 'mod-flag' }, `${server.inbound_rate_limit}/min`) : null,
      server.available ? null : [h('span', { class: 'mod-flag paused' }, 'unreachable'), ' since ',
        timeElement(server.unavailable_since), ` · ${server.failure_count} failures`]),
    h('button', { type: 'button', class: 'secondary', onclick: change(server.domain, '',
      { method: 'PUT', json: { inbound_throttled: !server.inbound_throttled } },
      server.inbound_throttled ? 'no longer throttled' : 'throttled') },
    server.inbound_throttled ? 'Unthrottle' : 'Throttle'),
    server.inbound_rate_limit ? h('button', { type: 'button', class: 'secondary', onclick: change(server.domain, '',
      { method: 'PUT', json: { inbound_rate_limit: 0 } }, 'rate limit lifted') }, 'Lift limit') : null,
    server.available ? null : h('button', { type: 'button', class: 'secondary', onclick: change(server.domain,
      '/available', { method: 'POST' }, 'deliveries go on') }, 'Mark reachable'))));
}

// Steers a server by name: its activities to ingress:low, and a limit on how many a minute are taken from it.
function steerForm(done) {
  const domain = h('input', { id: 'traffic-domain', required: true, placeholder: 'busy.example' });
  const throttled = h('input', { type: 'checkbox', id: 'traffic-throttled' });
  const rate = h('input', { type: 'number', id: 'traffic-rate', min: 0, placeholder: 'none' });
  const form = h('form', { class: 'mod-form mod-inline' },
    h('label', { for: 'traffic-domain' }, 'Server'), domain,
    h('label', { class: 'check' }, throttled, ' Throttle'),
    h('label', { for: 'traffic-rate' }, 'Per minute'), rate,
    h('button', { type: 'submit', id: 'traffic-submit' }, 'Steer'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { inbound_throttled: throttled.checked };
    if (rate.value !== '') body.inbound_rate_limit = Number(rate.value);
    try {
      await api(`/api/v1/admin/domain_traffic/${encodeURIComponent(domain.value.trim())}`,
        { method: 'PUT', json: body });
      form.reset();
      done();
    } catch (error) {
      showError(error);
    }
  });
  return form;
}

// Mock exchange console (page world): builds the scenario buttons, logs what the page sent and
// received (text; binary frames by size), and runs the market-data stream with a page-side message counter.
import { runScenario } from './scenario-runner.js';

const MAX_LOG_ENTRIES = 400;
const MAX_LOG_TEXT = 600;

const scenarios = JSON.parse(document.getElementById('scenarios').textContent);
const groups = JSON.parse(document.getElementById('groups').textContent);
const credentials = JSON.parse(document.getElementById('credentials-data').textContent);
const log = document.getElementById('log');

function clip(text) {
  return text.length > MAX_LOG_TEXT
    ? `${text.slice(0, MAX_LOG_TEXT)}… (${text.length} chars)`
    : text;
}

/** The headers that carry a key, a signature or a timestamp: what a signing bug shows in. */
function signingHeaders(headers = {}) {
  const shown = Object.entries(headers).filter(([name]) =>
    /^(x-mbx-apikey|ok-access-|x-api-|authorization)/i.test(name),
  );
  return shown.length === 0 ? '' : ` [${shown.map(([n, v]) => `${n}: ${v}`).join(', ')}]`;
}

function describeStep(step) {
  switch (step.type) {
    case 'request':
      return `→ ${step.method} ${step.url}${signingHeaders(step.headers)}${step.body ? ` ${step.body}` : ''}`;
    case 'response':
      return `← ${step.status} ${step.body}`;
    case 'open':
      return `⇄ open ${step.url}`;
    case 'send':
      return `→ ${step.data}`;
    case 'receive':
      return step.binary === undefined
        ? `← ${step.data}`
        : `← binary, ${step.bytes} bytes (compressed: the panel inflates it)`;
    case 'close':
      return `× close ${step.code}${step.reason ? ` "${step.reason}"` : ''} (${step.wasClean ? 'clean' : 'not clean'})`;
    case 'timeout':
      return `… gave up after ${step.received} frames`;
    default:
      return `! ${step.message ?? step.type}`;
  }
}

function appendLog(kind, text) {
  const item = document.createElement('li');
  item.className = kind;
  // Server text is shown with textContent only: it is data, never markup.
  item.textContent = `${new Date().toISOString().slice(11, 23)} ${clip(text)}`;
  log.append(item);
  while (log.childElementCount > MAX_LOG_ENTRIES) log.firstElementChild.remove();
  log.scrollTop = log.scrollHeight;
}

function expectation(scenario) {
  const { status, findings } = scenario.expect;
  const codes = findings.map((f) => f.code).join(', ');
  return `${status ? `HTTP ${status}, ` : ''}${codes ? `expects ${codes}` : 'expects success'}`;
}

async function run(id) {
  const scenario = scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  const button = document.getElementById(id);
  button?.classList.add('running');
  appendLog('scenario', `▶ ${scenario.label} [${id}] (${expectation(scenario)})`);
  try {
    return await runScenario(scenario, {
      origin: location.origin,
      fetch: window.fetch.bind(window),
      WebSocket: window.WebSocket,
      onStep: (step) => appendLog(step.type, describeStep(step)),
    });
  } finally {
    button?.classList.remove('running');
  }
}

function renderCredentials() {
  const rows = document.getElementById('credentials-rows');
  for (const row of credentials) {
    const tr = document.createElement('tr');
    const cells = [
      ['', row.exchange],
      ['', row.recipes],
      ['key', row.key],
      ['secret', row.secret],
      ['passphrase', row.passphrase ?? ''],
    ];
    for (const [field, value] of cells) {
      const td = document.createElement('td');
      if (field && value) {
        const code = document.createElement('code');
        code.id = `credential-${row.id}-${field}`;
        code.dataset.testid = code.id;
        code.textContent = value;
        td.append(code);
      } else {
        td.textContent = value;
      }
      tr.append(td);
    }
    rows.append(tr);
  }
}

/** The mock's server clock: shown, and skewable so a correct signature can fail on time. */
async function showClock(method = 'GET', skewMs) {
  const query = skewMs === undefined ? '' : `?skewMs=${encodeURIComponent(skewMs)}`;
  const response = await fetch(`/mock/clock${query}`, { method });
  const clock = await response.json();
  const status = document.getElementById('clock-status');
  status.textContent = response.ok
    ? `server clock ${new Date(clock.now).toISOString()} (skew ${clock.skewMs} ms)`
    : clock.error;
  if (response.ok) document.getElementById('clock-skew').value = String(clock.skewMs);
  return clock;
}

function renderButtons() {
  const container = document.getElementById('scenario-groups');
  for (const [group, title] of Object.entries(groups)) {
    const section = document.createElement('section');
    const heading = document.createElement('h2');
    heading.textContent = title;
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    for (const scenario of scenarios.filter((s) => s.group === group)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = scenario.id;
      button.dataset.testid = scenario.id;
      button.textContent = scenario.label;
      button.title = `${scenario.id}: ${expectation(scenario)}`;
      if (scenario.expect.findings.length === 0) button.classList.add('success');
      button.addEventListener('click', () => run(scenario.id));
      buttons.append(button);
    }
    section.append(heading, buttons);
    container.append(section);
  }
}

// The market stream: a benchmark reads window.__mock.stats to compare the page's own message
// rate with and without the extension. The object is mutated in place, never replaced.
const stats = { received: 0, errors: 0, startedAt: 0, perSecond: 0, running: false };
let marketSocket;

// Handler delay, for benchmarks that load /?market=1&delays=1: the time from the server's stamp
// in a frame ("ts" of OKX and WOO X, "E" of the gateway, epoch ms) to this page's onmessage,
// kept as a histogram of 0.1 ms buckets so a long run costs no memory. Off unless asked for.
const DELAY_BUCKET_MS = 0.1;
const delayCounts = new Uint32Array(50_000);
let measureDelays = false;

function frameStamp(text) {
  let at = text.indexOf('"ts":');
  if (at >= 0) at += text.charCodeAt(at + 5) === 34 ? 6 : 5;
  else {
    at = text.indexOf('"E":');
    if (at < 0) return undefined;
    at += 4;
  }
  const stamp = Number(text.slice(at, at + 13));
  return Number.isFinite(stamp) ? stamp : undefined;
}

function recordDelay(text) {
  const stamp = frameStamp(text);
  if (stamp === undefined) return;
  const delay = performance.timeOrigin + performance.now() - stamp;
  const bucket = Math.max(0, Math.min(delayCounts.length - 1, Math.floor(delay / DELAY_BUCKET_MS)));
  delayCounts[bucket] += 1;
}

const delays = {
  reset: () => delayCounts.fill(0),
  /** Count and p50 / p99 / max in ms of the delays since the last reset. */
  read() {
    let count = 0;
    for (const n of delayCounts) count += n;
    const at = (share) => {
      let seen = 0;
      for (let i = 0; i < delayCounts.length; i++) {
        seen += delayCounts[i];
        if (seen >= Math.ceil(share * count))
          return Math.round((i + 1) * DELAY_BUCKET_MS * 10) / 10;
      }
      return null;
    };
    return count === 0
      ? { count, p50: null, p99: null, max: null }
      : { count, p50: at(0.5), p99: at(0.99), max: at(1) };
  },
};

function startMarket(options = {}) {
  stopMarket();
  const rate = Number(options.rate ?? document.getElementById('market-rate').value) || 1000;
  const dialect = options.dialect ?? document.getElementById('market-dialect').value;
  const errorEvery =
    Number(options.errorEvery ?? document.getElementById('market-error-every').value) || 0;
  const query = new URLSearchParams({
    rate: String(rate),
    dialect,
    errorEvery: String(errorEvery),
  });
  if (options.count) query.set('count', String(options.count));
  const socket = new WebSocket(`ws://${location.host}/ws/market?${query}`);
  marketSocket = socket;
  Object.assign(stats, { received: 0, errors: 0, startedAt: 0, perSecond: 0, running: true });
  socket.onopen = () => {
    stats.startedAt = Date.now();
    appendLog('open', `⇄ market stream ${dialect} at ${rate}/s, error every ${errorEvery || '—'}`);
  };
  socket.onmessage = (event) => {
    if (measureDelays) recordDelay(event.data);
    stats.received += 1;
    if (event.data.indexOf('"code"') !== -1) stats.errors += 1;
  };
  socket.onclose = (event) => {
    if (marketSocket === socket) stats.running = false;
    appendLog('close', `× market stream closed ${event.code} after ${stats.received} frames`);
    updateMarketView();
  };
  updateMarketView();
  return socket;
}

function stopMarket() {
  if (marketSocket && marketSocket.readyState <= 1) marketSocket.close(1000);
  marketSocket = undefined;
  stats.running = false;
  updateMarketView();
}

function updateMarketView() {
  document.getElementById('market-toggle').textContent = stats.running
    ? 'Stop stream'
    : 'Start stream';
}

let lastCount = 0;
setInterval(() => {
  stats.perSecond = stats.received - lastCount;
  lastCount = stats.received;
  const seconds = stats.startedAt ? (Date.now() - stats.startedAt) / 1000 : 0;
  const average = seconds > 0 ? Math.round(stats.received / seconds) : 0;
  document.getElementById('market-stats').textContent = stats.running
    ? `received ${stats.received} frames (${stats.errors} errors), ${stats.perSecond}/s now, ${average}/s average`
    : `Stream stopped. Last run: ${stats.received} frames, ${stats.errors} errors.`;
}, 1000);

document.getElementById('market-toggle').addEventListener('click', () => {
  if (stats.running) stopMarket();
  else startMarket();
});
document.getElementById('log-clear').addEventListener('click', () => log.replaceChildren());
document.getElementById('clock-skew-apply').addEventListener('click', () => {
  const skewMs = document.getElementById('clock-skew').value;
  showClock('POST', skewMs).then(() =>
    appendLog('scenario', `⏱ ${document.getElementById('clock-status').textContent}`),
  );
});

window.__mock = {
  stats,
  scenarios,
  run,
  market: { start: startMarket, stop: stopMarket },
  delays,
  clock: {
    read: () => showClock(),
    skew: (skewMs) => showClock('POST', skewMs),
  },
};

renderCredentials();
renderButtons();
showClock().catch(() => undefined);

// /?market=1&rate=5000&dialect=okx&errorEvery=100 starts the stream on load (benchmarks).
const query = new URLSearchParams(location.search);
for (const [param, id] of [
  ['rate', 'market-rate'],
  ['dialect', 'market-dialect'],
  ['errorEvery', 'market-error-every'],
]) {
  if (query.has(param)) document.getElementById(id).value = query.get(param);
}
measureDelays = query.get('delays') === '1';
if (query.get('market') === '1') startMarket();

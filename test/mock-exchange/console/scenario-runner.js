// Mock exchange console (page and Node tests): runs one scenario over fetch/WebSocket and
// reports every step (request, response, open, send, receive, close) as it happens.
import { bybitAuthSign, okxLoginSign, signHttpRequest, signWsApiFrame } from './page-signer.js';

export { okxLoginSign };

const PLACEHOLDER = /\{\{(\w+)(?::([^}]*))?\}\}/g;
const DEFAULT_TIMEOUT_MS = 5000;
const CLOSE_GRACE_MS = 2000;

/** Fills {{now}}, {{nowSec}}, {{staleMs}}, {{staleSec}}, {{pad:N}}, {{okxSign:SECRET}},
 * {{expiresMs}} (10 s from now) and {{bybitAuthSign:SECRET}} (Bybit's auth of expiresMs). */
export async function fillPlaceholders(text, clock = Date.now()) {
  const nowSec = String(Math.floor(clock / 1000));
  const expiresMs = clock + 10_000;
  const signs = new Map();
  const bybitSigns = new Map();
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match[1] === 'okxSign' && !signs.has(match[2])) {
      signs.set(match[2], await okxLoginSign(match[2] ?? '', nowSec));
    }
    if (match[1] === 'bybitAuthSign' && !bybitSigns.has(match[2])) {
      bybitSigns.set(match[2], await bybitAuthSign(match[2] ?? '', expiresMs));
    }
  }
  return text.replace(PLACEHOLDER, (whole, name, argument) => {
    switch (name) {
      case 'now':
        return String(clock);
      case 'nowSec':
        return nowSec;
      case 'staleMs':
        return String(clock - 60_000);
      case 'staleSec':
        return String(Math.floor(clock / 1000) - 60);
      case 'pad':
        return 'x'.repeat(Math.min(Number(argument) || 0, 1 << 20));
      case 'okxSign':
        return signs.get(argument) ?? whole;
      case 'expiresMs':
        return String(expiresMs);
      case 'bybitAuthSign':
        return bybitSigns.get(argument) ?? whole;
      default:
        return whole;
    }
  });
}

/** The scenario's request with its placeholders filled, signed when the scenario says so. */
async function httpRequest(scenario) {
  const clock = Date.now();
  const headers = {};
  for (const [name, value] of Object.entries(scenario.headers ?? {})) {
    headers[name] = await fillPlaceholders(value, clock);
  }
  const request = {
    method: scenario.method,
    path: await fillPlaceholders(scenario.path, clock),
    headers,
    body: scenario.body === undefined ? undefined : await fillPlaceholders(scenario.body, clock),
  };
  if (!scenario.sign) return request;
  return { ...request, ...(await signHttpRequest(scenario.sign, request, clock)) };
}

async function runHttp(scenario, env, record) {
  const request = await httpRequest(scenario);
  const url = env.origin + request.path;
  const init = { method: scenario.method, headers: request.headers };
  if (request.body !== undefined) init.body = request.body;
  record({
    type: 'request',
    url,
    method: scenario.method,
    headers: request.headers,
    body: init.body,
  });
  try {
    const response = await env.fetch(url, init);
    const body = await response.text();
    record({
      type: 'response',
      url,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body,
    });
  } catch (error) {
    record({ type: 'failed', url, message: String(error) });
  }
}

/** Base64 of a binary frame, for the log and the tests (which inflate compressed ones). */
function base64(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function receiveStep(url, data) {
  if (typeof data === 'string') return { type: 'receive', url, data };
  return { type: 'receive', url, data: '', binary: base64(data), bytes: data.byteLength };
}

function runWs(scenario, env, record) {
  return new Promise((resolve) => {
    const url = env.origin.replace(/^http/, 'ws') + scenario.path;
    const socket = new env.WebSocket(url);
    // Binary frames (compressed streams) as ArrayBuffers, read at once rather than as Blobs.
    socket.binaryType = 'arraybuffer';
    let received = 0;
    let sent = 0;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      resolve();
    };
    const finish = () => {
      clearTimeout(timeout);
      if (socket.readyState === 0 || socket.readyState === 1) socket.close(1000);
      // The close event settles; a server that never answers the close does not hang the run.
      setTimeout(settle, CLOSE_GRACE_MS);
    };
    const timeout = setTimeout(() => {
      record({ type: 'timeout', url, received });
      finish();
    }, scenario.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const sendNext = async () => {
      const template = scenario.send[sent];
      sent += 1;
      const filled = await fillPlaceholders(template);
      const data = scenario.sign ? await signWsApiFrame(scenario.sign, filled) : filled;
      if (socket.readyState !== 1) return;
      record({ type: 'send', url, data });
      socket.send(data);
    };

    socket.onopen = () => {
      record({ type: 'open', url });
      if (scenario.send.length > 0) sendNext();
    };
    socket.onmessage = (event) => {
      received += 1;
      record(receiveStep(url, event.data));
      if (scenario.until !== 'close' && received >= scenario.until) {
        finish();
      } else if (sent === received && sent < scenario.send.length) {
        sendNext();
      }
    };
    socket.onerror = () => record({ type: 'failed', url, message: 'WebSocket error' });
    socket.onclose = (event) => {
      record({
        type: 'close',
        url,
        code: event.code,
        reason: event.reason,
        wasClean: event.wasClean,
      });
      settle();
    };
  });
}

/**
 * Runs a scenario; env: { origin: "http://127.0.0.1:PORT", fetch, WebSocket, onStep? }.
 * Resolves with every step, in order.
 */
export async function runScenario(scenario, env) {
  const steps = [];
  const record = (step) => {
    const stamped = { ...step, at: Date.now() };
    steps.push(stamped);
    env.onStep?.(stamped, scenario);
  };
  if (scenario.kind === 'http') await runHttp(scenario, env, record);
  else await runWs(scenario, env, record);
  return steps;
}

// Mock exchange console (page and Node tests): signs a scenario's request the way a client
// does, with WebCrypto and the test credentials shown on the page, optionally with a skewed
// clock or a planted mistake. Plain JS on purpose (no build step): it is a second, independent
// implementation of the recipes, and the mock verifies it with the signing core.

const encoder = new TextEncoder();

async function hmac(secret, message) {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}

function hex(bytes) {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function base64(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function decode(text) {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

function isJson(body) {
  return /^\s*[[{]/.test(body);
}

/** [key, value] pairs as sent ("BTC%2FUSDT" stays encoded), in the order sent. */
function formPairs(text) {
  if (text === '') return [];
  return text
    .split('&')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const equals = segment.indexOf('=');
      return equals < 0 ? [segment, ''] : [segment.slice(0, equals), segment.slice(equals + 1)];
    });
}

/** A body's parameters: form fields, or a JSON object's top-level fields. */
function bodyPairs(body) {
  if (body.trim() === '') return [];
  if (!isJson(body)) return formPairs(body);
  const parsed = JSON.parse(body);
  return Object.entries(parsed).map(([key, value]) => [
    key,
    typeof value === 'string' ? value : JSON.stringify(value),
  ]);
}

function byKey(pairs) {
  return [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function append(text, key, value) {
  return text === '' ? `${key}=${value}` : `${text}&${key}=${value}`;
}

function hasParam(text, key) {
  return !isJson(text) && formPairs(text).some(([name]) => decode(name) === key);
}

/** The gateway: every parameter sorted by key, key and value encodeURIComponent-encoded,
 * hex; timestamp and signature are parameters, the key goes in X-MBX-APIKEY. */
async function signGateway(sign, request, ms) {
  let { query, body } = request;
  const form = body !== '' && !isJson(body);
  if (!hasParam(query, 'timestamp') && !hasParam(body, 'timestamp')) {
    if (form) body = append(body, 'timestamp', String(ms));
    else query = append(query, 'timestamp', String(ms));
  }
  const pairs = [...formPairs(query), ...bodyPairs(body)].map(([k, v]) => [decode(k), decode(v)]);
  const ordered = sign.mistake === 'params-unsorted' ? pairs : byKey(pairs);
  const prehash = ordered
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  const signature = hex(await hmac(sign.secret, prehash));
  if (form) body = append(body, 'signature', signature);
  else query = append(query, 'signature', signature);
  const headers = sign.key ? { 'X-MBX-APIKEY': sign.key } : {};
  return { query, body, headers };
}

/** Binance Spot REST: the query string followed by the body, both as sent, hex; timestamp
 * (and signature) appended where the parameters are, the key in X-MBX-APIKEY. */
async function signBinance(sign, request, ms) {
  let { query, body } = request;
  const form = body !== '' && !isJson(body);
  if (!hasParam(query, 'timestamp') && !hasParam(body, 'timestamp')) {
    if (form) body = append(body, 'timestamp', String(ms));
    else query = append(query, 'timestamp', String(ms));
  }
  const signature = hex(await hmac(sign.secret, query + body));
  if (form) body = append(body, 'signature', signature);
  else query = append(query, 'signature', signature);
  const headers = sign.key ? { 'X-MBX-APIKEY': sign.key } : {};
  return { query, body, headers };
}

/** Bybit v5: hex over timestamp + API key + recv_window + (GET: query | else: body), all in
 * X-BAPI-* headers; the recv-window-left-out mistake sends the header but signs without it. */
async function signBybit(sign, request, ms) {
  const timestamp = String(ms);
  const recvWindow = '5000';
  const params = request.method.toUpperCase() === 'GET' ? request.query : request.body;
  const signedWindow = sign.mistake === 'recv-window-left-out' ? '' : recvWindow;
  const prehash = timestamp + (sign.key ?? '') + signedWindow + params;
  const headers = {
    ...(sign.key ? { 'X-BAPI-API-KEY': sign.key } : {}),
    'X-BAPI-SIGN': hex(await hmac(sign.secret, prehash)),
    'X-BAPI-TIMESTAMP': timestamp,
    'X-BAPI-RECV-WINDOW': recvWindow,
  };
  return { query: request.query, body: request.body, headers };
}

/** Bybit's WebSocket auth signature: hex HMAC of "GET/realtime" + expires (Unix ms). */
export async function bybitAuthSign(secret, expires) {
  return hex(await hmac(secret, `GET/realtime${expires}`));
}

/** OKX REST: Base64 over ISO-ms timestamp + METHOD + path?query + body. */
async function signOkx(sign, request, ms) {
  const timestamp =
    sign.mistake === 'timestamp-in-seconds'
      ? String(Math.floor(ms / 1000))
      : new Date(ms).toISOString();
  const target = request.query === '' ? request.path : `${request.path}?${request.query}`;
  const prehash = timestamp + request.method.toUpperCase() + target + request.body;
  const headers = {
    ...(sign.key ? { 'OK-ACCESS-KEY': sign.key } : {}),
    'OK-ACCESS-SIGN': base64(await hmac(sign.secret, prehash)),
    'OK-ACCESS-TIMESTAMP': timestamp,
    ...(sign.passphrase ? { 'OK-ACCESS-PASSPHRASE': sign.passphrase } : {}),
  };
  return { query: request.query, body: request.body, headers };
}

/** WOO X v1: parameters sorted by key as sent, "|", timestamp; v3: timestamp + METHOD +
 * path?query + body. Both hex, Unix ms in x-api-timestamp. */
async function signWoo(sign, request, ms) {
  const timestamp = String(ms);
  let prehash;
  if (sign.recipe === 'woo-v1') {
    const pairs = byKey([...formPairs(request.query), ...bodyPairs(request.body)]);
    prehash = `${pairs.map(([k, v]) => `${k}=${v}`).join('&')}|${timestamp}`;
  } else {
    const method =
      sign.mistake === 'method-lowercase'
        ? request.method.toLowerCase()
        : request.method.toUpperCase();
    const target = request.query === '' ? request.path : `${request.path}?${request.query}`;
    prehash = timestamp + method + target + request.body;
  }
  const headers = {
    ...(sign.key ? { 'x-api-key': sign.key } : {}),
    'x-api-signature': hex(await hmac(sign.secret, prehash)),
    'x-api-timestamp': timestamp,
  };
  return { query: request.query, body: request.body, headers };
}

/** OKX's login sign: Base64(HMAC-SHA256(secret, timestamp + "GET/users/self/verify")). */
export async function okxLoginSign(secret, timestamp) {
  return base64(await hmac(secret, `${timestamp}GET/users/self/verify`));
}

const HTTP_SIGNERS = {
  gateway: signGateway,
  binance: signBinance,
  okx: signOkx,
  'woo-v1': signWoo,
  'woo-v3': signWoo,
  bybit: signBybit,
};

/**
 * Signs an HTTP request ({method, path (with its query), headers, body}) per sign: {recipe, key,
 * secret, passphrase?, skewMs?, mistake?}. Resolves with the path, headers and body to send.
 */
export async function signHttpRequest(sign, request, clock = Date.now()) {
  const signer = HTTP_SIGNERS[sign.recipe];
  if (!signer) throw new Error(`no page signer for ${sign.recipe}`);
  const mark = request.path.indexOf('?');
  const parts = {
    method: request.method,
    path: mark < 0 ? request.path : request.path.slice(0, mark),
    query: mark < 0 ? '' : request.path.slice(mark + 1),
    body: request.body ?? '',
  };
  const signed = await signer(sign, parts, clock + (sign.skewMs ?? 0));
  return {
    path: signed.query === '' ? parts.path : `${parts.path}?${signed.query}`,
    headers: { ...request.headers, ...signed.headers },
    body: request.body === undefined && signed.body === '' ? undefined : signed.body,
  };
}

/**
 * Signs a Binance-style WebSocket API request frame ({"id","method","params"}): apiKey and
 * timestamp are added to params when missing, and signature is the hex HMAC of every param
 * sorted by name as k=v joined with &. Frames without params are sent as they are.
 */
export async function signWsApiFrame(sign, frame, clock = Date.now()) {
  let message;
  try {
    message = JSON.parse(frame);
  } catch {
    return frame;
  }
  if (message === null || typeof message !== 'object' || typeof message.params !== 'object') {
    return frame;
  }
  const params = { ...message.params };
  if (sign.key && params.apiKey === undefined) params.apiKey = sign.key;
  if (params.timestamp === undefined) params.timestamp = clock + (sign.skewMs ?? 0);
  const names = Object.keys(params);
  const ordered = sign.mistake === 'params-unsorted' ? names : names.sort();
  const payload = ordered.map((name) => `${name}=${params[name]}`).join('&');
  params.signature = hex(await hmac(sign.secret, payload));
  return JSON.stringify({ ...message, params });
}

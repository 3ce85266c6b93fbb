// Pure: takes credentials out of what leaves the panel (HAR export, Copy as Markdown, Copy as
// cURL): the key, signature and passphrase headers and parameters of the recipes we know,
// bearer tokens, cookies, listen keys, and the login arguments of WebSocket APIs. Anything that
// only looks like a credential goes too: a redacted export that still works is worth more than a
// faithful one that leaks. Timestamps stay: the clock check needs them.
import { BINANCE_KEY_HEADER, OKX_HEADERS, WOO_HEADERS } from '../signing/index.ts';

export const REDACTED = '[redacted]';

/** Headers whose whole value is a credential, lower-cased. */
const CREDENTIAL_HEADERS = new Set(
  [
    BINANCE_KEY_HEADER,
    OKX_HEADERS.key,
    OKX_HEADERS.sign,
    OKX_HEADERS.passphrase,
    WOO_HEADERS.key,
    WOO_HEADERS.signature,
    // Bybit v5 (its recipe is being added to src/core/signing by another team).
    'X-BAPI-API-KEY',
    'X-BAPI-SIGN',
    'Authorization',
    'Proxy-Authorization',
    'Cookie',
    'Set-Cookie',
  ].map((name) => name.toLowerCase()),
);

/** Any other header named like a key, signature, passphrase, token or secret. */
const CREDENTIAL_HEADER_NAME = /(^|[-_])(api-?key|key|sign|signature|passphrase|token|secret)$/i;
/** Not a credential, though named like one: the handshake's nonce. */
const NOT_CREDENTIALS = new Set(['sec-websocket-key']);

export function isCredentialHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (NOT_CREDENTIALS.has(lower)) return false;
  return CREDENTIAL_HEADERS.has(lower) || CREDENTIAL_HEADER_NAME.test(lower);
}

export function redactHeaders<T extends { name: string; value: string }>(
  headers: readonly T[],
): T[] {
  return headers.map((header) =>
    isCredentialHeader(header.name) ? { ...header, value: REDACTED } : header,
  );
}

/**
 * Parameter names (query strings, form bodies, JSON fields) that carry credentials: Binance's
 * and the gateway's `signature` and WebSocket API `apiKey`, OKX's login `apiKey`, `passphrase`
 * and `sign`, listen keys, secrets. JSON's bare `token` is left alone (WOO X names currencies
 * so); in URLs and forms it goes (KuCoin's socket token).
 */
const SECRET_FIELD =
  'api[-_]?key|api[-_]?secret|secret(?:[-_]?key)?|sign(?:ature)?|passphrase|listen[-_]?key|(?:access|refresh)[-_]?token|password';
const SECRET_PARAM = `${SECRET_FIELD}|token`;

const JSON_STRING_FIELD = new RegExp(`("(?:${SECRET_FIELD})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
const FORM_PARAM = new RegExp(`(^|[?&;])(${SECRET_PARAM})=([^&#;\\s]*)`, 'gi');
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
/** Binance listen keys: 60 letters and digits, as a path segment (/ws/KEY) or stream name. */
const LISTEN_KEY_SEGMENT = /([/=])[A-Za-z0-9]{60,}(?=[/?#&]|$)/g;
/** Cheap test before any regex runs: most frames mention none of these. */
const CANDIDATE = /key|sign|pass|secret|token|bearer|basic|auth/i;

/** Bybit's auth frame is positional: {"op":"auth","args":[apiKey, expires, signature]}. */
function redactPositionalAuth(text: string): string {
  if (!text.includes('"auth"') || !text.includes('"args"')) return text;
  try {
    const frame = JSON.parse(text) as { op?: unknown; args?: unknown };
    if (frame.op !== 'auth' || !Array.isArray(frame.args)) return text;
    const args = frame.args.map((arg, i) => (i !== 1 && typeof arg === 'string' ? REDACTED : arg));
    return JSON.stringify({ ...frame, args });
  } catch {
    return text;
  }
}

/** A body or frame with every credential-looking value replaced; the rest as it was. */
export function redactText(text: string): string {
  if (!CANDIDATE.test(text)) return text;
  return redactPositionalAuth(text)
    .replace(JSON_STRING_FIELD, `$1"${REDACTED}"`)
    .replace(FORM_PARAM, `$1$2=${REDACTED}`)
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`);
}

/** A URL with its credential parameters, listen keys and password taken out. */
export function redactUrl(url: string): string {
  const withoutPassword = url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#@]*@/i, '$1@');
  return withoutPassword
    .replace(FORM_PARAM, `$1$2=${REDACTED}`)
    .replace(LISTEN_KEY_SEGMENT, `$1${REDACTED}`);
}

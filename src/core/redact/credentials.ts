// Pure: takes credentials out of what leaves the panel (HAR export, Copy as Markdown, Copy as
// cURL): the key, signature and passphrase headers and parameters of the recipes we know,
// bearer tokens, cookies, listen keys, URL passwords, and the login arguments of WebSocket APIs,
// also where a server echoes them back inside a JSON string (OKX's 60012 "Invalid request: {…}").
// Anything that only looks like a credential goes too: a redacted export that still works is
// worth more than a faithful one that leaks. Timestamps stay: the clock check needs them.
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
 * and `sign`, listen keys, secrets, passwords and tokens (but see CURRENCY_NAME).
 */
const SECRET_NAME =
  'api[-_]?key|api[-_]?secret|secret(?:[-_]?key)?|sign(?:ature)?|passphrase|listen[-_]?key|(?:access|refresh)[-_]?token|token|password';

/**
 * WOO X calls currencies `token` ("token":"USDT", ?token=BTC), while KuCoin's bullet token and
 * Kraken's subscription token are credentials: a `token` value that reads as a currency or
 * symbol name (capitals, digits, `_ . -`, at most 20) stays; any other goes.
 */
const CURRENCY_NAME = /^[A-Z0-9][A-Z0-9_.-]{0,19}$/;

function secretValue(name: string, value: string): boolean {
  return !(name.toLowerCase() === 'token' && CURRENCY_NAME.test(value));
}

/**
 * A JSON string field named like a secret, at any depth of escaping: `"sign":"…"` in a frame,
 * `\"sign\":\"…\"` in a JSON string that quotes a request (OKX's 60012 echo), `\\\"sign\\\"…`
 * one level deeper. Group 2 is the run of backslashes before each quote of that level; the value
 * ends at the next quote with exactly as many before it, or at the end of a text cut short (a
 * value a cut ends inside is still a secret). Groups: prefix, escape, name, value, end.
 */
const JSON_FIELD = new RegExp(
  `((?<!\\\\)(\\\\*)"(${SECRET_NAME})\\2"\\s*:\\s*\\2")([\\s\\S]*?)((?<!\\\\)\\2"|$)`,
  'gi',
);
/** `name=value` in a query, a form body, a cookie or a string quoting one. */
const FORM_PARAM = new RegExp(`(^|[?&;"'\\s])(${SECRET_NAME})=([^&#;\\s"'\`\\\\<>]*)`, 'gi');
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
/**
 * Binance listen keys: 60 or more letters and digits as a path segment (/ws/KEY), a stream name
 * (?streams=KEY/…, KEY@account) or a JSON string of their own (a SUBSCRIBE's `params`).
 */
const LISTEN_KEY = /(["/=])[A-Za-z0-9]{60,}(?=[/?#&@"\\]|$)/g;
/** A URL's password: everything between the user's colon and the last `@` of its authority. */
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:"'\\]*):[^\s/?#"'\\]*@/gi;
/** Cheap tests before any replacement runs: most frames mention none of these. */
const CANDIDATE = /key|sign|pass|secret|token|bearer|basic|auth|:\/\//i;
const LISTEN_KEY_SHAPE = /[A-Za-z0-9]{60}/;

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

/**
 * Any text with every credential-looking value replaced and the rest as it was: a body, a frame,
 * a server's message, a close reason, a URL. The one function every export and copy applies.
 */
export function redactText(text: string): string {
  const candidate = CANDIDATE.test(text);
  if (!candidate && !LISTEN_KEY_SHAPE.test(text)) return text;
  let out = text;
  if (candidate) {
    out = redactPositionalAuth(out)
      .replace(JSON_FIELD, (whole, prefix: string, _escape, name: string, value: string, end) =>
        secretValue(name, value) ? `${prefix}${REDACTED}${end}` : whole,
      )
      .replace(FORM_PARAM, (whole, before: string, name: string, value: string) =>
        secretValue(name, value) ? `${before}${name}=${REDACTED}` : whole,
      )
      .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
      .replace(URL_PASSWORD, '$1@');
  }
  return out.replace(LISTEN_KEY, `$1${REDACTED}`);
}

/** What an export or a copy applies to each text and header list it writes. */
export interface Redaction {
  text(text: string): string;
  headers<T extends { name: string; value: string }>(headers: readonly T[]): T[];
}

const AS_CAPTURED: Redaction = { text: (text) => text, headers: (headers) => [...headers] };
const REDACTING: Redaction = { text: redactText, headers: redactHeaders };

/** Redacting unless the user ticked *Keep credentials*. */
export function redactionFor(keepCredentials: boolean): Redaction {
  return keepCredentials ? AS_CAPTURED : REDACTING;
}

// OKX's recipes (okx.com/docs-v5, "REST Authentication" and WebSocket "Login"): Base64 of
// HMAC-SHA256 over timestamp + METHOD + requestPath (with its query) + body; the REST timestamp
// is ISO 8601 UTC with milliseconds, the login's is Unix seconds over a fixed GET path.
import { respell } from './params.ts';
import {
  type Canonicalisation,
  formatWarnings,
  keyHeader,
  methodOf,
  pathWithQuery,
  type SigningRecipe,
  splitTarget,
} from './recipe.ts';
import { timestampText } from './timestamp.ts';
import type { OkxLoginArgs } from './types.ts';

export const OKX_HEADERS = {
  key: 'OK-ACCESS-KEY',
  sign: 'OK-ACCESS-SIGN',
  timestamp: 'OK-ACCESS-TIMESTAMP',
  passphrase: 'OK-ACCESS-PASSPHRASE',
} as const;

/** What the login signs in place of a request: always this method and path. */
export const OKX_LOGIN_METHOD = 'GET';
export const OKX_LOGIN_PATH = '/users/self/verify';

const CANONICAL: Canonicalisation = { sort: false, values: 'as-sent' };

export const okxRecipe: SigningRecipe = {
  id: 'okx',
  title: 'OKX',
  formula:
    'Base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath with its ?query + body)), timestamp ISO 8601 UTC with milliseconds',
  encoding: 'base64',
  timestampFormat: 'iso',
  timestampIn: 'header',
  canonical: CANONICAL,
  compose: (parts, how = CANONICAL) =>
    parts.timestamp +
    parts.method +
    pathWithQuery(parts.path, respell(parts.query, how.values, how.sort)) +
    parts.body,
  prepare(input, now) {
    const { path, query } = splitTarget(input);
    const body = input.body ?? '';
    const method = methodOf(input);
    const timestamp = timestampText(input.timestamp, 'iso', now);
    const warnings = formatWarnings('OKX', timestamp, 'iso');
    if (method === 'GET' && body !== '') {
      warnings.push('OKX GET requests have no body: their parameters go in the query');
    }
    if (!input.passphrase) {
      warnings.push(`OKX also needs the API key's passphrase in ${OKX_HEADERS.passphrase}`);
    }
    return {
      parts: { method, path, query, body, timestamp },
      timestamp,
      warnings,
      deliver: (signature) => ({
        headers: {
          ...keyHeader(OKX_HEADERS.key, input.key),
          [OKX_HEADERS.sign]: signature,
          [OKX_HEADERS.timestamp]: timestamp,
          ...keyHeader(OKX_HEADERS.passphrase, input.passphrase),
        },
      }),
    };
  },
};

export const okxWsLoginRecipe: SigningRecipe = {
  id: 'okx-ws-login',
  title: 'OKX WebSocket login',
  formula: `Base64(HMAC-SHA256(secret, Unix seconds + "${OKX_LOGIN_METHOD}" + "${OKX_LOGIN_PATH}")); the login expires 30 s after its timestamp`,
  encoding: 'base64',
  timestampFormat: 'epoch-s',
  timestampIn: 'login',
  canonical: CANONICAL,
  compose: (parts) => parts.timestamp + parts.method + parts.path,
  prepare(input, now) {
    const timestamp = timestampText(input.timestamp, 'epoch-s', now);
    const warnings = formatWarnings('the OKX login', timestamp, 'epoch-s');
    if (!input.passphrase) warnings.push("the login also needs the API key's passphrase");
    const ignored = (['method', 'path', 'query', 'body'] as const).filter(
      (part) => (input[part] ?? '') !== '',
    );
    if (ignored.length > 0) {
      warnings.push(
        `the login always signs ${OKX_LOGIN_METHOD} ${OKX_LOGIN_PATH}: the ${ignored.join(', ')} given ${ignored.length === 1 ? 'is' : 'are'} not signed`,
      );
    }
    const parts = {
      method: OKX_LOGIN_METHOD,
      path: OKX_LOGIN_PATH,
      query: '',
      body: '',
      timestamp,
    };
    return {
      parts,
      timestamp,
      warnings,
      deliver: (sign) => {
        const args: OkxLoginArgs = {
          ...(input.key ? { apiKey: input.key } : {}),
          ...(input.passphrase ? { passphrase: input.passphrase } : {}),
          timestamp,
          sign,
        };
        return { headers: {}, login: { op: 'login', args: [args] } };
      },
    };
  },
};

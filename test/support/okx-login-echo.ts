// Test support: OKX's documented WebSocket login request ("Login" in the v5 API docs), and the
// reply OKX documents for a request it cannot read — 60012 with the request echoed in `msg`,
// spaced as OKX's own example is. A login echoed so carries the key, passphrase and signature
// escaped inside a JSON string.
export const OKX_LOGIN = {
  apiKey: '985d5b66-57ce-40fb-b714-afc0b9787083',
  passphrase: '123456',
  timestamp: '1538054050',
  sign: '7L+zFQ+CEgGu5rzCj4+BdV2/uUHGqddA9pI6ztsRRPs=',
} as const;

export const OKX_LOGIN_SECRETS = [OKX_LOGIN.apiKey, OKX_LOGIN.passphrase, OKX_LOGIN.sign];

export const OKX_LOGIN_REQUEST = `{"op": "login", "args":[{ "apiKey" : "${OKX_LOGIN.apiKey}", "passphrase" : "${OKX_LOGIN.passphrase}", "timestamp" : "${OKX_LOGIN.timestamp}", "sign" : "${OKX_LOGIN.sign}"}]}`;

export const OKX_LOGIN_ECHO = JSON.stringify({
  event: 'error',
  code: '60012',
  msg: `Invalid request: ${OKX_LOGIN_REQUEST}`,
  connId: 'a4d3ae55',
});

// The redaction every export and copy goes through, on the exchanges' own documented frames.
import { describe, expect, it } from 'vitest';
import {
  isCredentialHeader,
  REDACTED,
  redactHeaders,
  redactText,
} from '../../../../src/core/redact/credentials.ts';
import { OKX_LOGIN_ECHO, OKX_LOGIN_SECRETS } from '../../../support/okx-login-echo.ts';

const SECRETS = OKX_LOGIN_SECRETS;
const LISTEN_KEY = 'pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1';

describe('redactHeaders', () => {
  it('takes the key, signature and passphrase headers of every recipe, tokens and cookies', () => {
    const headers = [
      {
        name: 'X-MBX-APIKEY',
        value: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
      },
      { name: 'OK-ACCESS-KEY', value: '37c541a1-****-****-****-10fe7a038418' },
      { name: 'OK-ACCESS-SIGN', value: 'leaVRETrtaoEQ3yI9qEtI1CZ82ikZ4xSG5Kj8gnl3uw=' },
      { name: 'OK-ACCESS-PASSPHRASE', value: '1****6' },
      { name: 'OK-ACCESS-TIMESTAMP', value: '2020-03-28T12:21:41.274Z' },
      { name: 'x-api-key', value: 'AbmyVJGUpN064ks5ELjLfA==' },
      {
        name: 'x-api-signature',
        value: '20da0852f73b20da0208c7e627975a59ff072379883d8457d03104651032033d',
      },
      { name: 'x-api-timestamp', value: '1578565539808' },
      { name: 'X-BAPI-API-KEY', value: 'XXXXXXXXXX' },
      { name: 'X-BAPI-SIGN', value: 'XXXXXXXXXX' },
      { name: 'X-BAPI-SIGN-TYPE', value: '2' },
      { name: 'Authorization', value: 'Bearer mock-token' },
      { name: 'Cookie', value: 'session=abc' },
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
      { name: 'Sec-WebSocket-Key', value: 'dGhlIHNhbXBsZSBub25jZQ==' },
    ];
    const kept = redactHeaders(headers).filter((header) => header.value !== REDACTED);
    expect(kept.map((header) => header.name)).toEqual([
      'OK-ACCESS-TIMESTAMP',
      'x-api-timestamp',
      'X-BAPI-SIGN-TYPE',
      'Content-Type',
      'Sec-WebSocket-Key',
    ]);
    expect(isCredentialHeader('X-Custom-Api-Key')).toBe(true);
  });
});

describe('redactText', () => {
  it("takes OKX's WebSocket login arguments", () => {
    const login =
      '{"op":"login","args":[{"apiKey":"985d5b66-57ce-40fb-b714-afc0b9787083","passphrase":"123456","timestamp":"1538054050","sign":"7L+zFQ+CEgGu5rzCj4+BdV2/uUHGqddA9pI6ztsRRPs="}]}';
    expect(redactText(login)).toBe(
      `{"op":"login","args":[{"apiKey":"${REDACTED}","passphrase":"${REDACTED}","timestamp":"1538054050","sign":"${REDACTED}"}]}`,
    );
  });

  it("takes the Binance WebSocket API's apiKey and signature params, keeping the order", () => {
    const order =
      '{"id":"56374a46-3061-486b-a311-99ee972eb648","method":"order.place","params":{"symbol":"BTCUSDT","side":"SELL","type":"LIMIT","timeInForce":"GTC","price":"23416.10000000","quantity":"0.00847000","apiKey":"vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A","signature":"15af09e41c36f3cc61378c2fbe2c33719a03dd5eba8d0f9206fbda44de717c88","timestamp":1660801839480}}';
    const redacted = redactText(order);
    expect(redacted).not.toContain(
      'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
    );
    expect(redacted).not.toContain('15af09e41c36f3cc');
    expect(JSON.parse(redacted).params).toMatchObject({
      symbol: 'BTCUSDT',
      quantity: '0.00847000',
      apiKey: REDACTED,
      signature: REDACTED,
      timestamp: 1660801839480,
    });
  });

  it('takes the signature of a signed form body and a bearer token anywhere', () => {
    expect(
      redactText(
        'symbol=LTCBTC&side=BUY&type=LIMIT&timestamp=1499827319559&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71',
      ),
    ).toBe(`symbol=LTCBTC&side=BUY&type=LIMIT&timestamp=1499827319559&signature=${REDACTED}`);
    expect(redactText('curl -H "Authorization: Bearer eyJhbGciOi.J9x_y"')).toBe(
      `curl -H "Authorization: Bearer ${REDACTED}"`,
    );
  });

  it("takes Bybit's positional auth arguments, keeping the expiry", () => {
    const auth = '{"req_id":"10001","op":"auth","args":["api_key",1662350400000,"signature"]}';
    expect(JSON.parse(redactText(auth))).toEqual({
      req_id: '10001',
      op: 'auth',
      args: [REDACTED, 1662350400000, REDACTED],
    });
  });

  it('takes a listen key from a reply, and leaves market data and error replies alone', () => {
    expect(
      redactText(
        '{"listenKey":"pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1"}',
      ),
    ).toBe(`{"listenKey":"${REDACTED}"}`);
    const error = '{"event":"error","code":"60009","msg":"Login failed.","connId":"a4d3ae55"}';
    expect(redactText(error)).toBe(error);
    const balance = '{"success":true,"holding":[{"token":"USDT","holding":282079.58}]}';
    expect(redactText(balance)).toBe(balance);
  });
});

describe('redactText on what a server echoes', () => {
  it('takes the login OKX echoes in a 60012, escaped inside its msg, and keeps the rest', () => {
    expect(OKX_LOGIN_ECHO).toContain('\\"passphrase\\" : \\"123456\\"');
    const redacted = redactText(OKX_LOGIN_ECHO);
    for (const secret of SECRETS) expect(redacted).not.toContain(secret);
    const reply = JSON.parse(redacted);
    expect(reply).toMatchObject({ event: 'error', code: '60012', connId: 'a4d3ae55' });
    expect(JSON.parse(reply.msg.slice('Invalid request: '.length))).toEqual({
      op: 'login',
      args: [{ apiKey: REDACTED, passphrase: REDACTED, timestamp: '1538054050', sign: REDACTED }],
    });
    // The message as the detector reads it (unescaped once), and the frame quoted once more.
    expect(redactText(JSON.parse(OKX_LOGIN_ECHO).msg)).toBe(
      `Invalid request: {"op": "login", "args":[{ "apiKey" : "${REDACTED}", "passphrase" : "${REDACTED}", "timestamp" : "1538054050", "sign" : "${REDACTED}"}]}`,
    );
    const quotedTwice = redactText(JSON.stringify({ frame: OKX_LOGIN_ECHO }));
    for (const secret of SECRETS) expect(quotedTwice).not.toContain(secret);
    expect(JSON.parse(JSON.parse(quotedTwice).frame)).toEqual(reply);
  });

  it('takes what is left of a secret a cut ended inside', () => {
    const cut = OKX_LOGIN_ECHO.slice(0, OKX_LOGIN_ECHO.indexOf('zFQ'));
    expect(redactText(cut)).not.toContain('7L+');
    expect(redactText(cut).endsWith(`\\"sign\\" : \\"${REDACTED}`)).toBe(true);
  });

  it('takes a listen key subscribed to in a frame, quoted or not', () => {
    const subscribe = `{"method":"SUBSCRIBE","params":["${LISTEN_KEY}"],"id":1}`;
    expect(redactText(subscribe)).toBe(`{"method":"SUBSCRIBE","params":["${REDACTED}"],"id":1}`);
    expect(redactText(JSON.stringify({ sent: subscribe }))).not.toContain(LISTEN_KEY);
    expect(redactText(`{"stream":"${LISTEN_KEY}","data":{"e":"outboundAccountPosition"}}`)).toBe(
      `{"stream":"${REDACTED}","data":{"e":"outboundAccountPosition"}}`,
    );
  });

  it("takes KuCoin's and Kraken's JSON tokens, and keeps WOO X's currency tokens", () => {
    const kucoin =
      '{"code":"200000","data":{"token":"2neAiuYvAU61ZDXANAGAsiL4-iAExhsBXZxftpOeh_55i3Ysy2q2LEsEWU64mdzUOPusi34M_wGoSf7iNyEWJ4aBZXpWhrmY9jKtqkdWoFa75w3istPvPtiYB9J6i9GjsxUuhPw3BlrzazF6ghq4L_3X4hY3Z6ocd7G5Fx6fU-c=.ttw0-o0DoLMhwPbyiQkGgQ==","instanceServers":[{"endpoint":"wss://ws-api-spot.kucoin.com/","protocol":"websocket","encrypt":true,"pingInterval":18000,"pingTimeout":10000}]}}';
    expect(JSON.parse(redactText(kucoin)).data).toMatchObject({
      token: REDACTED,
      instanceServers: [{ endpoint: 'wss://ws-api-spot.kucoin.com/', pingInterval: 18000 }],
    });
    const kraken =
      '{"event":"subscribe","subscription":{"name":"ownTrades","token":"WW91ciBhdXRoZW50aWNhdGlvbiB0b2tlbiBnb2VzIGhlcmUu"}}';
    expect(JSON.parse(redactText(kraken)).subscription).toEqual({
      name: 'ownTrades',
      token: REDACTED,
    });
    const woo =
      '{"success":true,"rows":[{"token":"BTC","balance":0.5},{"token":"1000SHIB","balance":2},{"token":"USDC.E","balance":1}]}';
    expect(redactText(woo)).toBe(woo);
    expect(redactText('https://api.woox.io/v1/asset/history?token=USDT&page=1')).toBe(
      'https://api.woox.io/v1/asset/history?token=USDT&page=1',
    );
  });

  it('keeps the JSON a redacted URL sits in well-formed', () => {
    const text = '{"url":"https://api.binance.com/api/v3/order?symbol=BTCUSDT&signature=abc"}';
    expect(JSON.parse(redactText(text))).toEqual({
      url: `https://api.binance.com/api/v3/order?symbol=BTCUSDT&signature=${REDACTED}`,
    });
  });
});

describe('redactText on URLs', () => {
  it('takes credential parameters, a listen key path and a password; keeps the rest', () => {
    const key = LISTEN_KEY;
    expect(
      redactText('https://api.binance.com/api/v3/order?symbol=BTCUSDT&timestamp=1&signature=abc'),
    ).toBe(`https://api.binance.com/api/v3/order?symbol=BTCUSDT&timestamp=1&signature=${REDACTED}`);
    expect(redactText(`wss://stream.binance.com:9443/ws/${key}`)).toBe(
      `wss://stream.binance.com:9443/ws/${REDACTED}`,
    );
    expect(redactText(`wss://fstream.binance.com/stream?streams=${key}/btcusdt@depth`)).toBe(
      `wss://fstream.binance.com/stream?streams=${REDACTED}/btcusdt@depth`,
    );
    expect(redactText('wss://ws-api.kucoin.com/endpoint?token=2neAiuYvAU61&connectId=x')).toBe(
      `wss://ws-api.kucoin.com/endpoint?token=${REDACTED}&connectId=x`,
    );
    expect(redactText('https://user:hunter2@example.com/x')).toBe('https://user@example.com/x');
    // The password ends at the authority's last @: none of it is kept.
    expect(redactText('https://user:pa@ss@example.com/x?a=1')).toBe(
      'https://user@example.com/x?a=1',
    );
    expect(redactText('wss://bot:s3cr@t:p@ss@127.0.0.1:8088/ws')).toBe(
      'wss://bot@127.0.0.1:8088/ws',
    );
    expect(redactText('see https://example.com/a@b for mail')).toBe(
      'see https://example.com/a@b for mail',
    );
    expect(redactText('wss://ws.okx.com:8443/ws/v5/public')).toBe(
      'wss://ws.okx.com:8443/ws/v5/public',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../../src/core/index.ts';
import { capturedRequestOf, timeOrigin } from '../../../../src/panel/sign/captured-request.ts';
import {
  describeSkew,
  judgeCaptured,
  readServerClock,
} from '../../../../src/panel/sign/clock-check.ts';
import { draftFromLookup, switchRecipe } from '../../../../src/panel/sign/sign-draft.ts';
import { signInputOf, withoutParams } from '../../../../src/panel/sign/sign-form.ts';
import { signingProblemOf } from '../../../../src/panel/sign/signing-problem.ts';
import { firstDifference, visiblePieces } from '../../../../src/panel/sign/visible-text.ts';
import { rowsFromTabFrames } from '../../../../src/panel/traffic/rows-from-frames.ts';
import { httpRowFromEntry } from '../../../../src/panel/traffic/rows-from-har.ts';
import { FrameDeduper } from '../../../../src/panel/traffic/seen-seqs.ts';

const detector = createDetector();
const T = Date.UTC(2025, 0, 2, 3, 4, 5, 0);

function httpRow(url: string, reply: string, request: Record<string, unknown> = {}) {
  const entry = {
    startedDateTime: new Date(T).toISOString(),
    time: 10,
    request: { method: 'POST', url, headers: [{ name: 'X-MBX-APIKEY', value: 'k' }], ...request },
    response: {
      status: 400,
      headers: [{ name: 'Date', value: new Date(T).toUTCString() }],
      content: { size: -1, mimeType: 'application/json' },
    },
  };
  const row = httpRowFromEntry(entry, reply, 1, detector);
  if (!row) throw new Error('no row');
  return row;
}

describe('rows keep their request for the signing pane', () => {
  it('keeps headers (no cookies), the body and the reply date', () => {
    const row = httpRow('http://119.8.50.236/fapi/v1/order', '{"code":-1022,"msg":"x"}', {
      headers: [
        { name: 'X-MBX-APIKEY', value: 'k' },
        { name: 'Cookie', value: 'session=1' },
      ],
      postData: { text: 'a=1&signature=ff' },
    });
    expect(row.request).toEqual({
      headers: [{ name: 'X-MBX-APIKEY', value: 'k' }],
      body: 'a=1&signature=ff',
      sentAt: T,
      replyDate: new Date(T).toUTCString(),
    });
  });
});

describe('signingProblemOf', () => {
  it('takes signature and timestamp categories, and the codes filed elsewhere', () => {
    const kind = (url: string, reply: string) => signingProblemOf(httpRow(url, reply))?.kind;
    expect(kind('http://119.8.50.236/x', '{"code":-1022,"msg":"Invalid signature"}')).toBe(
      'signature',
    );
    expect(kind('http://119.8.50.236/x', '{"code":-1021,"msg":"Timestamp"}')).toBe('timestamp');
    expect(
      kind('https://www.okx.com/x', '{"code":"50113","msg":"Invalid signature","data":[]}'),
    ).toBe('signature');
    expect(
      kind('https://api.woox.io/v1/order', '{"success":false,"code":-1002,"message":"x"}'),
    ).toBe('timestamp');
    expect(kind('http://119.8.50.236/x', '{"code":-1120,"msg":"Invalid symbol"}')).toBeUndefined();
  });
});

describe('capturedRequestOf', () => {
  it("finds the WebSocket API call a reply answers, read Binance's way", () => {
    const url = 'ws://127.0.0.1:8088/ws-api';
    const call = {
      id: 'o1',
      method: 'order.place',
      params: { symbol: 'BTCUSDT', apiKey: 'k', timestamp: 5, signature: 'ab' },
    };
    const rows = rowsFromTabFrames(
      {
        v: 1,
        type: 'frames',
        frameId: 0,
        doc: 'd',
        replay: false,
        dropped: 0,
        frames: [
          { seq: 1, time: T, socket: 1, url, kind: 'send', text: JSON.stringify(call) },
          {
            seq: 2,
            time: T + 3,
            socket: 1,
            url,
            kind: 'receive',
            text: '{"id":"o1","status":400,"error":{"code":-1021,"msg":"Timestamp"}}',
          },
        ],
      },
      new FrameDeduper(),
      {
        next: (() => {
          let id = 0;
          return () => ++id;
        })(),
      },
      detector,
    );
    const found = capturedRequestOf(rows, 2);
    expect(found.ok && found.request.raw).toEqual({
      method: 'GET',
      url: `${url}?apiKey=k&signature=ab&symbol=BTCUSDT&timestamp=5`,
    });
    expect(found.ok && found.request.recipe?.recipe).toBe('binance');
    expect(found.ok && found.request.origin).toBe('http://127.0.0.1:8088');
  });

  it('says why when a row has no request', () => {
    const rows = [
      { ...httpRow('http://119.8.50.236/x', '{"code":-1022,"msg":"x"}'), request: undefined },
    ];
    const found = capturedRequestOf(rows, 1);
    expect(found).toMatchObject({
      ok: false,
      reason: 'DevTools did not log the request of this row.',
    });
    const draft = draftFromLookup(found, {}, T, undefined);
    expect(draft.capturedMissing).toBe('DevTools did not log the request of this row.');
    expect(draft.form.recipe).toBe('gateway');
  });

  it('asks the time of OKX at its REST host', () => {
    expect(timeOrigin('wss://ws.okx.com:8443/ws/v5/private')).toBe('https://www.okx.com');
    expect(timeOrigin('wss://stream.example.com/ws')).toBe('https://stream.example.com');
    expect(timeOrigin('http://127.0.0.1:8088/fapi/v1/order?a=1')).toBe('http://127.0.0.1:8088');
  });
});

describe('the form', () => {
  it('moves timestamp and recvWindow out of the parameters, and back when signing', () => {
    expect(withoutParams('a=1&timestamp=5&recvWindow=3&b=2', ['timestamp', 'recvWindow'])).toBe(
      'a=1&b=2',
    );
    expect(withoutParams('{"timestamp":5}', ['timestamp'])).toBe('{"timestamp":5}');
  });

  it('refuses a recvWindow that is not a whole number', () => {
    const draft = draftFromLookup({ ok: false, reason: 'x' }, {}, T, undefined);
    const form = { ...draft.form, recvWindow: '5s' };
    expect(signInputOf(form, { secret: 's', passphrase: '' })).toEqual({
      problem: 'recvWindow "5s" is not a whole number of milliseconds',
    });
  });

  it('keeps the instant when the recipe changes', () => {
    const draft = draftFromLookup({ ok: false, reason: 'x' }, {}, T, undefined);
    const okx = switchRecipe({ ...draft, form: { ...draft.form, timestamp: String(T) } }, 'okx', T);
    expect(okx.form.timestamp).toBe(new Date(T).toISOString());
    expect(switchRecipe(okx, 'okx-ws-login', T).form.timestamp).toBe(String(T / 1000));
  });
});

describe('the clock', () => {
  const fetchOk = (text: string) => async () => ({ status: 200, text });

  it('reads the skew against the middle of the round trip', async () => {
    let clock = T;
    const now = () => (clock += 50);
    const reading = await readServerClock(
      fetchOk(`{"serverTime":${T}}`),
      'https://api.binance.com',
      'binance',
      now,
    );
    // Asked at T + 50, answered at T + 100: the exchange is 75 ms behind.
    expect(reading).toEqual({
      ok: true,
      url: 'https://api.binance.com/api/v3/time',
      source: 'GET /api/v3/time',
      skewMs: -75,
      roundTripMs: 50,
    });
    expect(describeSkew(-75)).toBe('This machine is 75 ms ahead of the exchange');
    expect(describeSkew(1500)).toBe('This machine is 1.5 s behind the exchange');
  });

  it('says what went wrong', async () => {
    const now = () => 0;
    expect(
      await readServerClock(async () => ({ status: 503, text: '' }), 'https://x.test', 'okx', now),
    ).toMatchObject({ ok: false, reason: 'the exchange answered HTTP 503' });
    expect(await readServerClock(fetchOk('{}'), 'https://x.test', 'okx', now)).toMatchObject({
      ok: false,
      reason: 'the reply carries no server time',
    });
    expect(await readServerClock(fetchOk('{}'), '', 'okx', now)).toMatchObject({
      ok: false,
      reason: 'enter the exchange address (https://host) to ask it',
    });
  });

  it('prefers the time in the reply, then the endpoint, then the Date header', () => {
    const request = { recipe: 'binance' as const, timestamp: String(T) };
    const reading = {
      ok: true as const,
      url: 'u',
      source: 'GET /api/v3/time',
      skewMs: 7_000,
      roundTripMs: 1,
    };
    const withBody = judgeCaptured(
      request,
      { sentAt: T, reply: { body: `{"serverTime":${T + 2_000}}`, date: 'x' } },
      reading,
    );
    expect(withBody?.basis).toBe("the time in the exchange's reply (the reply)");
    expect(withBody?.verdict.message).toBe(
      'timestamp 2 s behind the server; recvWindow 5000 ms: accepted',
    );
    const fromEndpoint = judgeCaptured(request, { sentAt: T, reply: {} }, reading);
    expect(fromEndpoint?.verdict.verdict).toBe('rejected');
    expect(fromEndpoint?.verdict.message).toContain('timestamp 7 s behind the server');
    const fromDate = judgeCaptured(
      request,
      { sentAt: T, reply: { date: new Date(T + 9_000).toUTCString() } },
      undefined,
    );
    expect(fromDate?.basis).toBe("the reply's Date header");
    expect(judgeCaptured(request, { sentAt: T, reply: {} }, undefined)).toBeUndefined();
  });
});

describe('visible text', () => {
  it('shows line breaks, tabs, unusual spaces and a trailing space', () => {
    const shown = visiblePieces('a\tb\u00a0c\u200b \nd ');
    expect(shown.map((p) => p.text).join('')).toBe('a⇥b⍽c⟨U+200B⟩·↵\nd·');
    expect(shown.filter((p) => p.invisible).map((p) => p.invisible)).toEqual([
      'U+0009 tab',
      'U+00A0 no-break space',
      'U+200B zero-width space',
      'U+0020 space at the end of a line',
      'U+000A line feed',
      'U+0020 space at the end of a line',
    ]);
    expect(visiblePieces('x\u0001').map((p) => p.text)).toEqual(['x', '⟨U+0001⟩']);
  });

  it('finds the first difference', () => {
    expect(firstDifference('abc', 'abc')).toBeUndefined();
    expect(firstDifference('abc', 'abd')).toBe(2);
    expect(firstDifference('ab', 'abc')).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type RecentFindingRecord,
  sinkRecentFindings,
} from '../../../../src/panel/capture/recent-findings-sink.ts';
import { createTrafficSession } from '../../../../src/panel/traffic/traffic-session.ts';
import { limitsFor } from '../../../../src/panel/traffic/traffic-store.ts';
import { OKX_LOGIN_ECHO, OKX_LOGIN_SECRETS } from '../../../support/okx-login-echo.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { okxError, received, T0, tabFrames } from '../support/frames.ts';

function setup() {
  const time = fakeClock(T0);
  const session = createTrafficSession({ clock: time.clock });
  const records: RecentFindingRecord[] = [];
  sinkRecentFindings(session, (finding) => records.push(finding), time.clock.now);
  return { session, time, records };
}

describe('recent findings for the popup', () => {
  it('records new error findings once, oldest first, and not notes or plain frames', () => {
    const { session, time, records } = setup();
    session.ingestFrames(
      tabFrames([
        received('{"tick":1}'),
        received(okxError('60009', 'Login failed.')),
        received(okxError('60012', 'Invalid request')),
      ]),
    );
    time.advance(0);
    expect(records.map((r) => [r.exchange, r.code, r.observedMessage])).toEqual([
      ['okx', '60009', 'Login failed.'],
      ['okx', '60012', 'Invalid request'],
    ]);
    session.ingestFrames(tabFrames([received('{"tick":2}')]));
    time.advance(200);
    expect(records).toHaveLength(2);
  });

  it('keeps out of storage the credentials a server echoes in its message', () => {
    const { session, time, records } = setup();
    session.ingestFrames(tabFrames([received(OKX_LOGIN_ECHO)]));
    time.advance(0);
    const [record] = records;
    expect(record?.code).toBe('60012');
    expect(record?.observedMessage).toContain('"passphrase" : "[redacted]"');
    for (const secret of OKX_LOGIN_SECRETS) expect(record?.observedMessage).not.toContain(secret);
  });

  it('writes a storm of the same error a few times, not once per frame', () => {
    const { session, time, records } = setup();
    for (let i = 0; i < 100; i++) {
      session.ingestFrames(tabFrames([received(okxError('60009', 'Login failed.'))]));
      time.advance(100);
    }
    expect(records.length).toBeLessThanOrEqual(2);
  });
});

describe('history setting', () => {
  it('caps non-error rows at the setting and gives errors as many slots again', () => {
    expect(limitsFor(5_000)).toEqual({ maxPlainRows: 5_000, maxRows: 10_000 });
    const time = fakeClock(T0);
    const session = createTrafficSession({ clock: time.clock });
    session.ingestFrames(tabFrames(Array.from({ length: 20 }, (_, i) => received(`${i}`))));
    time.advance(0);
    session.setLimits({ maxPlainRows: 5 });
    expect(session.snapshot().rows).toHaveLength(5);
    expect(session.snapshot().droppedPlain).toBe(15);
  });
});

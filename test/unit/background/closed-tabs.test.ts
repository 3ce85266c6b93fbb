import { describe, expect, it } from 'vitest';
import { forgetClosedTabs } from '../../../src/background/closed-tabs.ts';
import { readRecentFindings, recordRecentFindingIn } from '../../../src/storage/index.ts';
import { fakeStorage } from '../../support/fake-storage.ts';

describe('closed tabs', () => {
  it("forget the tab's recent findings, and only that tab's", async () => {
    const { session } = fakeStorage();
    const listeners: ((tabId: number) => void)[] = [];
    forgetClosedTabs({ addListener: (listener) => listeners.push(listener) }, session);
    await recordRecentFindingIn(session, 4, { exchange: 'okx', code: '60009' });
    await recordRecentFindingIn(session, 5, { exchange: 'gateway', code: '-1021' });

    for (const listener of listeners) listener(4);
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(await readRecentFindings(session, 4)).toEqual([]);
    expect((await readRecentFindings(session, 5)).map((f) => f.code)).toEqual(['-1021']);
  });
});

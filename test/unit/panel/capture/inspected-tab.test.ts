// inspectedWindow.eval resolves differently under the polyfill and Firefox ([result,
// exceptionInfo]) and under Chromium's native `browser` namespace (the value itself, rejecting
// on an exception): the panel reads the page's URL right under both.
import { describe, expect, it } from 'vitest';
import { evaluateInPage } from '../../../../src/panel/capture/inspected-tab.ts';

const URL = 'https://www.okx.com/trade-spot/btc-usdt';
const window = (answer: () => Promise<unknown>) => ({ eval: answer }) as never;

describe('evaluating in the inspected page', () => {
  it("reads the value under Chromium's native browser namespace", async () => {
    expect(
      await evaluateInPage(
        window(async () => URL),
        'location.href',
      ),
    ).toBe(URL);
  });

  it('reads the value under the polyfill and in Firefox', async () => {
    expect(
      await evaluateInPage(
        window(async () => [URL, undefined]),
        'location.href',
      ),
    ).toBe(URL);
    expect(
      await evaluateInPage(
        window(async () => [URL, null]),
        'location.href',
      ),
    ).toBe(URL);
  });

  it('says nothing when the expression threw, in either shape', async () => {
    const exception = { isException: true, value: 'ReferenceError: x' };
    expect(
      await evaluateInPage(
        window(async () => [undefined, exception]),
        'x',
      ),
    ).toBeUndefined();
    const rejecting = window(() => Promise.reject(exception));
    expect(await evaluateInPage(rejecting, 'x')).toBeUndefined();
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { importCustomCatalogue } from '../../../src/storage/custom-catalogue-store.ts';
import { recordRecentFindingIn } from '../../../src/storage/recent-findings.ts';
import { SETTINGS_KEYS } from '../../../src/storage/storage-keys.ts';
import { fakeStorage } from '../../support/fake-storage.ts';
import { renderPopup, TAB_ID } from './popup-harness.tsx';

const search = () =>
  screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search exchange errors' });
const options = () => screen.queryAllByRole('option');
/** "exchange code" of each listed result, top first. */
const listed = () => options().map((o) => `${o.dataset.exchange} ${o.dataset.code}`);
const selected = () => options().find((o) => o.getAttribute('aria-selected') === 'true');
const type = (text: string) => fireEvent.input(search(), { target: { value: text } });
const key = (name: string, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(search(), { key: name, ...init });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('popup search', () => {
  it('opens focused on the search field and lists entries to browse', () => {
    renderPopup();
    expect(document.activeElement).toBe(search());
    expect(search().placeholder).toBe('Code, name or words');
    expect(options()).toHaveLength(30);
    expect(screen.getByTestId('popup-more').textContent).toMatch(
      /^Showing 30 of \d+: type to narrow\.$/,
    );
  });

  it('shows code, exchange, message, description, fix, category and retry advice of a code', () => {
    renderPopup();
    type('-1021');
    const [first] = options();
    if (!first) throw new Error('no result');
    const part = (id: string) => within(first).getByTestId(id).textContent;
    expect(part('result-code')).toBe('-1021');
    expect(part('result-exchange')).toBe('gateway');
    expect(part('result-message')).toBe('Timestamp outside recv window');
    expect(part('result-description')).toBe('Request timestamp too old/new');
    expect(part('result-fix')).toMatch(/^Fix: \S/);
    expect(part('result-meta')).toBe('timestamp · retry after fixing the request');
  });

  it('finds a code without its minus sign, and as a prefix while typing', () => {
    renderPopup();
    // The minus alone searches nothing yet: the list stays, no "Nothing matches" flash.
    type('-');
    expect(options()).toHaveLength(30);
    expect(screen.queryByTestId('popup-empty')).toBeNull();
    type('1021');
    expect(listed()[0]).toBe('gateway -1021');
    type('6001');
    expect(listed().slice(0, 2)).toEqual(['okx 60011', 'okx 60012']);
    type('60012');
    expect(listed()[0]).toBe('okx 60012');
    type('4004');
    expect(listed()[0]).toBe('okx 4004');
  });

  it('ranks an exact name first, then words', () => {
    renderPopup();
    type('INVALID_SIGNATURE');
    expect(listed().slice(0, 2)).toEqual(['woo -1001', 'binance -1022']);
    type('recv window');
    expect(listed()[0]).toBe('gateway -1021');
    type('passphrase');
    expect(listed()[0]).toBe('okx 60024');
  });

  it('finds Chinese text', () => {
    renderPopup();
    type('签名');
    expect(listed()).toEqual(['okx 60007', 'binance -1022']);
  });

  it('tolerates one typo in a word or a code', () => {
    renderPopup();
    type('passprase');
    expect(listed()[0]).toBe('okx 60024');
    expect(within(options()[0] as HTMLElement).getByText('close match')).toBeTruthy();
    type('signatre');
    expect(listed()).toContain('gateway -1022');
    type('6012');
    expect(listed()).toContain('okx 60012');
  });

  it('says so when nothing matches', () => {
    renderPopup();
    type('zzzzqqq');
    expect(options()).toHaveLength(0);
    expect(screen.getByTestId('popup-empty').textContent).toContain('Nothing matches "zzzzqqq"');
  });
});

describe('popup exchange chips', () => {
  it('offer every bundled exchange, named as the CLI names them', () => {
    renderPopup();
    const chips = screen.getAllByTestId('popup-chip');
    expect(chips.map((chip) => chip.textContent)).toEqual(
      expect.arrayContaining(['gateway', 'binance', 'binance-usdm', 'bybit', 'okx', 'woo']),
    );
    expect(screen.getByRole('button', { name: 'binance-usdm' }).title).toBe('Binance USDⓈ-M');
  });

  it('narrow the list to the pressed exchanges and widen it again', () => {
    renderPopup();
    type('-1001');
    const all = ['gateway -1001', 'woo -1001', 'binance -1001', 'binance-usdm -1001'];
    expect(listed()).toEqual(all);
    const woo = screen.getByRole('button', { name: 'woo' });
    fireEvent.click(woo);
    expect(woo.getAttribute('aria-pressed')).toBe('true');
    expect(listed()).toEqual(['woo -1001']);
    fireEvent.click(screen.getByRole('button', { name: 'gateway' }));
    expect(listed()).toEqual(['gateway -1001', 'woo -1001']);
    fireEvent.click(woo);
    fireEvent.click(screen.getByRole('button', { name: 'gateway' }));
    expect(listed()).toEqual(all);
  });
});

describe('popup keyboard', () => {
  it('moves with the arrows, copies with Enter and Ctrl+C, and says Copied', async () => {
    const { harness } = renderPopup();
    type('-1001');
    expect(selected()?.dataset.exchange).toBe('gateway');
    key('ArrowDown');
    expect(selected()?.dataset.exchange).toBe('woo');
    expect(search().getAttribute('aria-activedescendant')).toBe(selected()?.id);
    for (let i = 0; i < 3; i++) key('ArrowDown');
    expect(selected()?.dataset.exchange).toBe('binance-usdm');
    key('ArrowUp');
    key('ArrowUp');
    expect(selected()?.dataset.exchange).toBe('woo');
    key('Enter');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied woo -1001'));
    // WOO's description repeats its message: the block says it once.
    expect(harness.copied[0]?.split('\n').slice(0, 2)).toEqual([
      'woo -1001: The api key or secret is in wrong format. (INVALID_SIGNATURE)',
      expect.stringMatching(/^Fix: Sign with HMAC-SHA256/),
    ]);
    expect(harness.copied[0]).toMatch(
      /\nCategory: signature · Retry: retry after fixing the request\nSource: \S+$/,
    );
    key('ArrowUp');
    key('c', { ctrlKey: true });
    await waitFor(() => expect(harness.copied).toHaveLength(2));
    expect(harness.copied[1]).toMatch(
      /^gateway -1001: Disconnected\nMeans: Internal error; connection dropped\n/,
    );
    expect(harness.copied[1]).toContain('\nHow to retry: Exponential backoff');
  });

  it('clears the field with Escape, then closes the popup', () => {
    const { harness } = renderPopup();
    type('-1021');
    key('Escape');
    expect(search().value).toBe('');
    expect(options()).toHaveLength(30);
    expect(harness.closed).toBe(0);
    key('Escape');
    expect(harness.closed).toBe(1);
  });

  it('copies a result on click', async () => {
    const { harness } = renderPopup();
    type('4004');
    fireEvent.click(options()[0] as HTMLElement);
    await waitFor(() => expect(harness.copied[0]).toMatch(/^okx 4004: No data received in 30s\n/));
  });
});

describe('popup language', () => {
  it('shows OKX messages in Chinese for a Chinese browser, and switches with the toggle', async () => {
    const { harness } = renderPopup({ browserLanguage: 'zh-CN' });
    type('60007');
    const message = () => within(options()[0] as HTMLElement).getByTestId('result-message');
    expect(message().textContent).toBe('无效的签名');
    fireEvent.click(screen.getByRole('button', { name: 'EN' }));
    expect(message().textContent).toBe('Invalid sign');
    await waitFor(() => expect(harness.storage.sync.items.get(SETTINGS_KEYS.lang)).toBe('en'));
  });

  it('shows Binance Spot in Chinese too, and finds it by its Chinese words', () => {
    renderPopup({ browserLanguage: 'zh-CN' });
    fireEvent.click(screen.getByRole('button', { name: 'binance' }));
    type('-1021');
    const message = () => within(options()[0] as HTMLElement).getByTestId('result-message');
    expect(listed()[0]).toBe('binance -1021');
    expect(message().textContent).toMatch(/^时延过大/);
    type('时间偏移');
    expect(listed()).toContain('binance -1021');
  });

  it('keeps the language the user chose last time', async () => {
    const storage = fakeStorage();
    await storage.sync.set({ [SETTINGS_KEYS.lang]: 'zh' });
    renderPopup({ storage, browserLanguage: 'en-GB' });
    type('60024');
    await waitFor(() =>
      expect(within(options()[0] as HTMLElement).getByTestId('result-message').textContent).toBe(
        'passphrase不正确',
      ),
    );
  });
});

describe('popup recent findings', () => {
  it("explains the new exchanges' findings by their own rows, and gives none it cannot pick", async () => {
    const storage = fakeStorage();
    const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);
    const findings = [
      { exchange: 'binance-usdm', code: '-2019', observedMessage: 'Margin is insufficient.' },
      {
        exchange: 'binance',
        code: '-2010',
        observedMessage: 'Account has insufficient balance for requested action.',
      },
      { exchange: 'bybit', code: '110007', observedMessage: 'ab not enough for new order' },
      // The panel's unsure finding: -2019's candidates, and words that fit neither.
      { exchange: 'unknown', code: '-2019', observedMessage: 'Order would immediately trigger.' },
    ];
    for (const [i, finding] of findings.entries()) {
      await recordRecentFindingIn(storage.session, TAB_ID, finding, t0 + i * 1000);
    }
    renderPopup({ storage });
    await waitFor(() => expect(options().length).toBeGreaterThan(4));
    // Newest first; a message is followed by the entry's name where it has one.
    const messages = options()
      .slice(0, 4)
      .map((row) => within(row).getByTestId('result-message').textContent);
    expect(messages).toEqual([
      "Unsure: several meanings, and the server's words fit none of them",
      'Available balance is insufficient',
      'Account has insufficient balance for requested action. NEW_ORDER_REJECTED',
      'Margin is insufficient. MARGIN_NOT_SUFFICIEN',
    ]);
  });

  it("puts the current tab's last findings on top, newest first, with what the server said", async () => {
    const storage = fakeStorage();
    const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);
    await recordRecentFindingIn(
      storage.session,
      TAB_ID,
      { exchange: 'okx', code: '60009', message: 'Login failure' },
      t0,
    );
    await recordRecentFindingIn(
      storage.session,
      TAB_ID,
      {
        exchange: 'gateway',
        code: '-1021',
        observedMessage: 'Timestamp for this request is outside of the recvWindow.',
      },
      t0 + 1000,
    );
    await recordRecentFindingIn(
      storage.session,
      TAB_ID + 1,
      { exchange: 'woo', code: '-1003' },
      t0,
    );
    renderPopup({ storage });
    await waitFor(() => expect(listed().slice(0, 2)).toEqual(['gateway -1021', 'okx 60009']));
    const [top] = options();
    expect(top?.textContent).toContain('seen in this tab');
    expect(within(top as HTMLElement).getByTestId('result-said').textContent).toBe(
      'Server said: Timestamp for this request is outside of the recvWindow.',
    );
    expect(listed()).not.toContain('woo -1003');
    key('Enter');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Copied gateway -1021'),
    );
  });

  it('lists a finding no catalogue knows, and marks search hits seen in the tab', async () => {
    const storage = fakeStorage();
    await recordRecentFindingIn(storage.session, TAB_ID, { exchange: 'okx', code: '60012' });
    await recordRecentFindingIn(storage.session, TAB_ID, { exchange: 'unknown', code: '99999' });
    renderPopup({ storage });
    await waitFor(() => expect(listed().slice(0, 2)).toEqual(['unknown 99999', 'okx 60012']));
    expect(options()[0]?.textContent).toContain('Not in any catalogue');
    type('60012');
    expect(listed()[0]).toBe('okx 60012');
    expect(options()[0]?.textContent).toContain('seen in this tab');
  });
});

describe('popup text from a server', () => {
  it('shows the hidden characters of what the server said, on screen and in the copy', async () => {
    const storage = fakeStorage();
    await recordRecentFindingIn(storage.session, TAB_ID, {
      exchange: 'okx',
      code: '60012',
      observedMessage: 'Invalid \u202erequest\u202c\u200b\u2066x\u2069',
    });
    renderPopup({ storage });
    await waitFor(() => expect(listed()[0]).toBe('okx 60012'));
    const said = within(options()[0] as HTMLElement).getByTestId('result-said');
    expect(said.textContent).toBe(
      'Server said: Invalid ⟨U+202E⟩request⟨U+202C⟩⟨U+200B⟩⟨U+2066⟩x⟨U+2069⟩',
    );
    expect(/[\u202a-\u202e\u2066-\u2069\u200b]/.test(document.body.textContent ?? '')).toBe(false);
  });
});

describe('popup with a custom catalogue', () => {
  it('searches the imported entries and offers their exchange as a chip', async () => {
    const storage = fakeStorage();
    const imported = await importCustomCatalogue(
      storage,
      '| Code | Message | Description | Solution |\n|---|---|---|---|\n-7061 | Order side mismatch | positionSide does not match | Send positionSide BOTH in one-way mode |',
      { exchange: 'acme' },
    );
    expect(imported.ok).toBe(true);
    renderPopup({ storage });
    await screen.findByRole('button', { name: 'acme' });
    type('7061');
    expect(listed()[0]).toBe('acme -7061');
    expect(options()[0]?.textContent).toContain('custom');
    type('order side mismatch');
    expect(listed()[0]).toBe('acme -7061');
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createDetector } from '../../../src/core/index.ts';
import { builtInHosts } from '../../../src/core/sites/content-scripts.ts';
import { loadDetectorOptions } from '../../../src/storage/active-catalogue.ts';
import { CUSTOM_CATALOGUES_KEY, SETTINGS_KEYS } from '../../../src/storage/storage-keys.ts';
import { BUILT_IN, fakePermissions, renderOptions } from './options-harness.tsx';

afterEach(() => {
  document.body.innerHTML = '';
});

const section = async (testId: string) => within(await screen.findByTestId(testId));
const typeInto = (element: HTMLElement, value: string) =>
  fireEvent.input(element, { target: { value } });

const GOOD_JSON = JSON.stringify(
  {
    exchange: 'binance',
    entries: [
      { code: -4061, message: "Order's position side does not match user's setting." },
      { code: '-2019', message: 'Margin is insufficient.', fix: 'Add margin or reduce size.' },
    ],
  },
  null,
  2,
);

const BAD_TABLE = [
  '| Code | Message | Description | Solution |',
  '|---|---|---|---|',
  '-9001 | Fine | A fine row | Nothing to do',
  'abc | Bad code | The code is not a number | Fix the code',
  '-9003 | Too short',
].join('\n');

async function importCatalogue(text: string, exchange = '') {
  const catalogue = await section('catalogue-section');
  typeInto(await catalogue.findByLabelText(/^Exchange id/), exchange);
  typeInto(catalogue.getByLabelText('Catalogue (JSON or Markdown)'), text);
  fireEvent.click(catalogue.getByRole('button', { name: 'Import catalogue' }));
}

describe('options: hosts', () => {
  it('maps a host to an exchange, normalised, and the detector uses it', async () => {
    const { storage } = renderOptions();
    const hosts = await section('hosts-section');
    typeInto(await hosts.findByLabelText(/^Host/), 'https://Testnet.Example.com:8443/ws');
    fireEvent.change(hosts.getByLabelText(/^Exchange/), { target: { value: 'gateway' } });
    fireEvent.click(hosts.getByRole('button', { name: 'Add host' }));
    const row = await hosts.findByRole('row', { name: /testnet\.example\.com/ });
    expect(row.textContent).toBe('testnet.example.comgatewayRemove');
    expect(storage.sync.items.get(SETTINGS_KEYS.hosts)).toEqual({
      'testnet.example.com': 'gateway',
    });

    const detector = createDetector(await loadDetectorOptions(storage));
    const [finding] = detector.detect({
      type: 'http',
      url: 'https://api.testnet.example.com/fapi/v1/order',
      status: 400,
      body: '{"code":-1021,"msg":"Timestamp outside recv window"}',
    });
    expect(finding).toMatchObject({ exchange: 'gateway', attribution: 'host', code: '-1021' });
  });

  it('refuses a bad host with a message and keeps the map', async () => {
    const { storage } = renderOptions();
    await storage.sync.set({ [SETTINGS_KEYS.hosts]: { 'staging.example.com': 'woo' } });
    const hosts = await section('hosts-section');
    typeInto(await hosts.findByLabelText(/^Host/), 'not a host!');
    fireEvent.click(hosts.getByRole('button', { name: 'Add host' }));
    expect((await hosts.findByRole('alert')).textContent).toBe(
      "'not a host!' is not a host name (e.g. testnet.example.com)",
    );
    expect(storage.sync.items.get(SETTINGS_KEYS.hosts)).toEqual({ 'staging.example.com': 'woo' });
    fireEvent.click(await hosts.findByRole('button', { name: 'Remove staging.example.com' }));
    await waitFor(() => expect(storage.sync.items.get(SETTINGS_KEYS.hosts)).toEqual({}));
    expect(await hosts.findByText('No hosts mapped yet.')).toBeTruthy();
  });
});

describe('options: custom catalogue import', () => {
  it('imports JSON into storage.sync and says so', async () => {
    const { storage } = renderOptions();
    await importCatalogue(GOOD_JSON);
    const done = await screen.findByTestId('import-done');
    expect(done.textContent).toMatch(
      /^Imported 2 entries for binance\. Stored in storage\.sync \(\d+\.\d KB\): it follows your browser profile\.$/,
    );
    expect(storage.sync.items.has(CUSTOM_CATALOGUES_KEY)).toBe(true);
    expect(storage.local.items.has(CUSTOM_CATALOGUES_KEY)).toBe(false);
    const row = await screen.findByRole('row', { name: /binance/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['binance', '2', 'pasted in the options page', 'Remove']);
    // The new exchange can now be picked for a host.
    expect(
      within(screen.getByTestId('hosts-section')).getByRole('option', { name: 'binance' }),
    ).toBeTruthy();
  });

  it('imports a Markdown table for the exchange typed in the field', async () => {
    renderOptions();
    await importCatalogue(BAD_TABLE.split('\n').slice(0, 3).join('\n'), 'My-Broker');
    expect((await screen.findByTestId('import-done')).textContent).toMatch(
      /^Imported 1 entry for my-broker\./,
    );
  });

  it('lists every bad line of a bad import and changes nothing', async () => {
    const { storage } = renderOptions();
    await importCatalogue(GOOD_JSON);
    await screen.findByTestId('import-done');
    const before = JSON.stringify([...storage.sync.items, ...storage.local.items]);

    await importCatalogue(BAD_TABLE, 'binance');
    const problems = await screen.findByTestId('import-problems');
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      "line 4: code 'abc' is not a number",
      'line 5: expected 4 cells (Code | Message | Description | Solution), found 2',
    ]);
    expect(problems.textContent).toContain('Nothing was imported');
    expect(JSON.stringify([...storage.sync.items, ...storage.local.items])).toBe(before);
    expect(screen.getAllByTestId('catalogue-row')).toHaveLength(1);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Catalogue (JSON or Markdown)').value).toBe(
      BAD_TABLE,
    );
  });

  it('points at the line of a bad JSON entry', async () => {
    renderOptions();
    await importCatalogue(
      '[\n  {"code": -1, "message": "ok"},\n  {"code": "x1", "message": "bad"}\n]',
      'x',
    );
    const problems = await screen.findByTestId('import-problems');
    expect(within(problems).getByRole('listitem').textContent).toBe(
      "line 3 (entry 2): code 'x1' is not a number",
    );
  });

  it('keeps a catalogue too big for sync in storage.local and says so', async () => {
    const { storage } = renderOptions();
    const rows = Array.from(
      { length: 150 },
      (_, i) => `-${7000 + i} | Error number ${i} | What error ${i} means | How to fix error ${i}`,
    );
    await importCatalogue(
      ['| Code | Message | Description | Solution |', '|---|---|---|---|', ...rows].join('\n'),
      'big',
    );
    expect((await screen.findByTestId('import-done')).textContent).toMatch(
      /Stored in storage\.local \(\d+\.\d KB, more than sync's 8\.0 KB per item\): on this device only\.$/,
    );
    expect(storage.local.items.has(CUSTOM_CATALOGUES_KEY)).toBe(true);
    expect(storage.sync.items.has(CUSTOM_CATALOGUES_KEY)).toBe(false);
  });

  it('removes a catalogue', async () => {
    const { storage } = renderOptions();
    await importCatalogue(GOOD_JSON);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the binance catalogue' }));
    await waitFor(() =>
      expect(screen.getByTestId('catalogue-storage').textContent).toBe(
        'No custom catalogue is stored.',
      ),
    );
    await waitFor(() => expect(storage.sync.items.has(CUSTOM_CATALOGUES_KEY)).toBe(false));
  });
});

describe('options: WebSocket capture sites', () => {
  it("says which hosts are captured out of the box: the manifest's", async () => {
    renderOptions();
    const capture = await section('capture-section');
    const hosts = within(await capture.findByTestId('capture-builtin')).getAllByRole('listitem');
    expect(hosts.map((host) => host.textContent)).toEqual(builtInHosts(BUILT_IN));
    expect(hosts.map((host) => host.textContent)).toEqual(
      expect.arrayContaining(['*.binance.com', '*.bybit.com', '*.okx.com']),
    );
  });

  it('lists granted sites other than the built-in ones and revokes them', async () => {
    const permissions = fakePermissions([...BUILT_IN, 'https://testnet.example.com/*']);
    renderOptions({ permissions });
    const capture = await section('capture-section');
    const sites = await capture.findAllByTestId('capture-site');
    expect(sites.map((site) => site.textContent)).toEqual(['https://testnet.example.com/* Revoke']);
    fireEvent.click(capture.getByRole('button', { name: 'Revoke https://testnet.example.com/*' }));
    expect(await capture.findByText('No other sites.')).toBeTruthy();
    expect(permissions.removed).toEqual([['https://testnet.example.com/*']]);
    expect(permissions.origins).toEqual(BUILT_IN);
  });

  it('offers to grant the origin the panel asked for', async () => {
    const permissions = fakePermissions(BUILT_IN);
    renderOptions({ permissions, grantRequest: 'https://staging.example.org:8443' });
    const capture = await section('capture-section');
    fireEvent.click(
      await capture.findByRole('button', {
        name: 'Grant capture for https://staging.example.org:8443',
      }),
    );
    expect(await capture.findByText('https://staging.example.org/*')).toBeTruthy();
    expect(permissions.requested).toEqual([['https://staging.example.org/*']]);
    expect(capture.getByRole('status').textContent).toContain('Capture granted');
  });

  it('refuses to offer a grant for something that is not a web origin', async () => {
    renderOptions({ grantRequest: 'javascript:alert(1)' });
    const capture = await section('capture-section');
    expect((await capture.findByRole('alert')).textContent).toBe(
      "Cannot grant capture: capture only runs on http and https pages, not 'javascript:alert(1)'",
    );
    expect(capture.queryByRole('button', { name: /Grant capture/ })).toBeNull();
  });
});

describe('options: history limit', () => {
  it('saves a limit in range and refuses one out of range without writing', async () => {
    const { storage } = renderOptions();
    const history = await section('history-section');
    const input = await history.findByLabelText(/^Rows the DevTools panel keeps/);
    expect((input as HTMLInputElement).value).toBe('5000');
    typeInto(input, '500');
    fireEvent.click(history.getByRole('button', { name: 'Save limit' }));
    expect((await history.findByRole('alert')).textContent).toBe(
      'the history limit must be a whole number of rows between 1,000 and 50,000',
    );
    expect(storage.sync.items.has(SETTINGS_KEYS.historyMaxRows)).toBe(false);
    typeInto(input, '20,000');
    fireEvent.click(history.getByRole('button', { name: 'Save limit' }));
    expect((await history.findByRole('status')).textContent).toBe(
      'Saved: the panel keeps 20,000 rows.',
    );
    expect(storage.sync.items.get(SETTINGS_KEYS.historyMaxRows)).toBe(20_000);
  });
});

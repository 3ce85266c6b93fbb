import { describe, expect, it } from 'vitest';
import {
  loadDetectorOptions,
  watchDetectorOptions,
} from '../../../src/storage/active-catalogue.ts';
import {
  importCustomCatalogue,
  loadCustomCatalogues,
  removeCustomCatalogue,
} from '../../../src/storage/custom-catalogue-store.ts';
import { readRecentFindings, recordRecentFindingIn } from '../../../src/storage/recent-findings.ts';
import { loadSettings, saveSettings, watchSettings } from '../../../src/storage/settings-store.ts';
import {
  CUSTOM_CATALOGUES_KEY,
  recentFindingsKey,
  SETTINGS_KEYS,
} from '../../../src/storage/storage-keys.ts';
import { fakeStorage } from '../../support/fake-storage.ts';

const SMALL = '[{"code": -4061, "message": "Order side mismatch"}]';
const big = (n: number) =>
  JSON.stringify(
    Array.from({ length: n }, (_, i) => ({
      code: -(5000 + i),
      message: `Error ${i} ${'x'.repeat(40)}`,
    })),
  );

describe('settings in storage.sync', () => {
  it('saves a checked change and reads it back; a bad change writes nothing', async () => {
    const storage = fakeStorage();
    expect(
      await saveSettings(storage, { historyMaxRows: 12_000, hosts: { 'a.test': 'okx' } }),
    ).toEqual({
      ok: true,
    });
    expect(await loadSettings(storage)).toEqual({
      hosts: { 'a.test': 'okx' },
      historyMaxRows: 12_000,
      lang: 'auto',
      savedFilters: [],
    });
    const before = [...storage.sync.items];
    expect(await saveSettings(storage, { historyMaxRows: 10, lang: 'zh' })).toEqual({
      ok: false,
      problems: ['the history limit must be a whole number of rows between 1,000 and 50,000'],
    });
    expect([...storage.sync.items]).toEqual(before);
  });

  it('reports a refused write (sync quota) and keeps the old value', async () => {
    const storage = fakeStorage();
    await saveSettings(storage, { historyMaxRows: 2000 });
    storage.sync.failNextSet('QUOTA_BYTES quota exceeded');
    expect(await saveSettings(storage, { historyMaxRows: 3000 })).toEqual({
      ok: false,
      problems: ['the browser refused to save: QUOTA_BYTES quota exceeded'],
    });
    expect(storage.sync.items.get(SETTINGS_KEYS.historyMaxRows)).toBe(2000);
  });

  it('tells watchers about changes, from any page', async () => {
    const storage = fakeStorage();
    const seen: number[] = [];
    const stop = watchSettings(storage, (settings) => seen.push(settings.historyMaxRows));
    await saveSettings(storage, { historyMaxRows: 7000 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    await saveSettings(storage, { historyMaxRows: 8000 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([7000]);
  });
});

describe('custom catalogues in storage', () => {
  it('go to sync when they fit one sync item, to local when they do not', async () => {
    const storage = fakeStorage();
    const small = await importCustomCatalogue(storage, SMALL, { exchange: 'acme' }, 1);
    expect(small).toMatchObject({ ok: true, area: 'sync' });
    const large = await importCustomCatalogue(storage, big(150), { exchange: 'bigco' }, 2);
    expect(large).toMatchObject({ ok: true, area: 'local' });
    if (!large.ok) throw new Error('import failed');
    expect(large.bytes).toBeGreaterThan(8192);
    // Both exchanges, in one place; the copy in sync is gone.
    expect(storage.sync.items.has(CUSTOM_CATALOGUES_KEY)).toBe(false);
    const loaded = await loadCustomCatalogues(storage);
    expect(loaded.area).toBe('local');
    expect(loaded.stored.catalogues.map((c) => [c.exchange, c.records.length])).toEqual([
      ['acme', 1],
      ['bigco', 150],
    ]);
    // Removing the big one makes the rest fit sync again.
    expect(await removeCustomCatalogue(storage, 'bigco', 3)).toMatchObject({
      ok: true,
      area: 'sync',
    });
    expect(storage.local.items.has(CUSTOM_CATALOGUES_KEY)).toBe(false);
  });

  it('falls back to local when sync refuses the write', async () => {
    const storage = fakeStorage();
    storage.sync.failNextSet('MAX_WRITE_OPERATIONS_PER_MINUTE');
    expect(await importCustomCatalogue(storage, SMALL, { exchange: 'acme' })).toMatchObject({
      ok: true,
      area: 'local',
    });
  });

  it('a bad import changes nothing; a refused import says why and changes nothing', async () => {
    const storage = fakeStorage();
    await importCustomCatalogue(storage, SMALL, { exchange: 'acme' }, 1);
    const before = JSON.stringify([...storage.sync.items, ...storage.local.items]);
    expect(await importCustomCatalogue(storage, '[{"code": "x"}]', { exchange: 'acme' })).toEqual({
      ok: false,
      problems: ["line 1 (entry 1): code 'x' is not a number"],
    });
    storage.local.failNextSet('QUOTA_BYTES quota exceeded');
    expect(await importCustomCatalogue(storage, big(150), { exchange: 'acme' })).toEqual({
      ok: false,
      problems: ['the browser refused to store the catalogue: QUOTA_BYTES quota exceeded'],
    });
    expect(JSON.stringify([...storage.sync.items, ...storage.local.items])).toBe(before);
  });

  it('reads the newer copy when sync brings one from another device', async () => {
    const storage = fakeStorage();
    await importCustomCatalogue(storage, big(150), { exchange: 'old' }, 1);
    await storage.sync.set({
      [CUSTOM_CATALOGUES_KEY]: {
        version: 1,
        updatedAt: 10,
        catalogues: [
          {
            exchange: 'new',
            source: 's',
            importedAt: 10,
            records: [{ code: '1', surface: 'rest', message: 'm' }],
          },
        ],
      },
    });
    const loaded = await loadCustomCatalogues(storage);
    expect([loaded.area, loaded.stored.catalogues.map((c) => c.exchange)]).toEqual([
      'sync',
      ['new'],
    ]);
  });
});

describe('detector options for the panel', () => {
  it('combine the bundled and custom catalogues with the host map, and follow changes', async () => {
    const storage = fakeStorage();
    const bundled = await loadDetectorOptions(storage);
    const updates: number[] = [];
    const stop = watchDetectorOptions(storage, (options) =>
      updates.push(options.catalogue.entries.length),
    );
    await importCustomCatalogue(storage, SMALL, { exchange: 'acme' });
    await saveSettings(storage, { hosts: { 'api.acme.test': 'acme' } });
    await saveSettings(storage, { historyMaxRows: 9000 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    stop();
    const options = await loadDetectorOptions(storage);
    expect(options.hosts).toEqual({ 'api.acme.test': 'acme' });
    expect(options.catalogue.entries.length).toBe(bundled.catalogue.entries.length + 1);
    expect(options.catalogue.byCode('-4061').map((e) => e.exchange)).toEqual([
      'binance-usdm',
      'acme',
    ]);
    // One update per relevant change (catalogue, hosts), none for the history limit.
    expect(updates).toEqual([options.catalogue.entries.length, options.catalogue.entries.length]);
  });
});

describe('recent findings in storage.session', () => {
  it('keeps the last 5 per tab, newest first, a repeat moving to the top', async () => {
    const { session } = fakeStorage();
    const codes = ['1', '2', '3', '4', '5', '6'];
    await Promise.all(
      codes.map((code, i) => recordRecentFindingIn(session, 3, { exchange: 'okx', code }, 100 + i)),
    );
    await recordRecentFindingIn(session, 3, { exchange: 'okx', code: '4' }, 200);
    const list = await readRecentFindings(session, 3);
    expect(list.map((f) => f.code)).toEqual(['4', '6', '5', '3', '2']);
    expect(list[0]).toEqual({ exchange: 'okx', code: '4', time: 200 });
    expect(await readRecentFindings(session, 4)).toEqual([]);
    expect(recentFindingsKey(3)).toBe('recentFindings:3');
  });

  it('takes a core Finding as it is, capping the message, and ignores junk in storage', async () => {
    const { session } = fakeStorage();
    await recordRecentFindingIn(session, 1, {
      exchange: 'gateway',
      code: '-1021',
      observedMessage: 'x'.repeat(500),
      time: 5,
    });
    const [finding] = await readRecentFindings(session, 1);
    expect(finding?.message).toHaveLength(300);
    await session.set({
      [recentFindingsKey(2)]: [{ code: 1 }, 'junk', { exchange: 'woo', code: '-1003', time: 1 }],
    });
    expect(await readRecentFindings(session, 2)).toEqual([
      { exchange: 'woo', code: '-1003', time: 1 },
    ]);
  });
});

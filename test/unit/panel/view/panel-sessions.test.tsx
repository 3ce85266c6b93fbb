// The panel's session tools as a user drives them: export a HAR, import one into a view of its
// own (nothing live is lost), a file that is not a HAR, pairs shown and followed, saved filters,
// what a filter term it cannot read says, compressed frames. (Copies: panel-copy.test.tsx.)

import { gzipSync } from 'node:zlib';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAIR_TIMEOUT_MS } from '../../../../src/panel/traffic/pairing-index.ts';
import { frame, okxError, received, resetSeqs, T0, tabFrames } from '../support/frames.ts';
import { API_KEY, feedOrderSession, INSUFFICIENT, WS_API } from '../support/order-session.ts';
import { renderPanel } from '../support/render-panel.tsx';

let panel: ReturnType<typeof renderPanel> | undefined;
beforeEach(resetSeqs);
afterEach(() => panel?.cleanup());

const rows = () => screen.queryAllByTestId('row');
function start(options: Parameters<typeof renderPanel>[0] = {}) {
  panel = renderPanel(options);
  return panel;
}

const feedSession = feedOrderSession;

const importFile = (file: File) =>
  fireEvent.change(screen.getByTestId('import-har'), { target: { files: [file] } });

describe('export and import', () => {
  it('exports what the view holds as a HAR file, redacted unless asked', () => {
    const p = start();
    feedSession(p);
    fireEvent.click(screen.getByTestId('export-har'));
    const [file] = p.services.files;
    expect(file?.name).toMatch(/^exchange-lens-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}\.har$/);
    expect(file?.type).toBe('application/json');
    expect(JSON.parse(file?.text ?? '{}').log.entries).toHaveLength(2);
    expect(file?.text).not.toContain(API_KEY);
    expect(screen.getByTestId('export-status').textContent).toBe(
      `Exported 4 rows in 2 entries as ${file?.name} (credentials redacted)`,
    );
    fireEvent.click(screen.getByTestId('export-credentials'));
    fireEvent.click(screen.getByTestId('export-har'));
    expect(p.services.files[1]?.text).toContain(API_KEY);
  });

  it('imports a HAR into a view of its own; the live rows stay', async () => {
    const p = start();
    feedSession(p);
    fireEvent.click(screen.getByTestId('export-har'));
    const exported = p.services.files[0]?.text ?? '';
    importFile(new File([exported], 'ticket-4711.har', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByTestId('import-status').dataset.state).toBe('done'));
    expect(screen.getByTestId('import-status').textContent).toMatch(
      /^Imported ticket-4711\.har: 2 entries, 4 rows in \d+\.\d s$/,
    );
    expect(screen.getByTestId('source-import').getAttribute('aria-selected')).toBe('true');
    // In time order: the HTTP reply came between the order and its rejection.
    expect(rows().map((row) => [row.dataset.kind, row.dataset.code])).toEqual([
      ['send', undefined],
      ['http', '-1022'],
      ['receive', '-2010'],
      ['close', '1000'],
    ]);
    fireEvent.click(rows()[1] as HTMLElement);
    expect(screen.getByTestId('imported-from').textContent).toBe(
      ' · from ticket-4711.har, entry 2',
    );
    fireEvent.click(screen.getByTestId('source-live'));
    expect(rows()).toHaveLength(4);
    expect(rows()[0]?.dataset.source).toBe('wrapper');
    fireEvent.click(screen.getByTestId('source-close'));
    expect(screen.queryByTestId('source-import')).toBeNull();
  });

  it('says plainly when a file is not a HAR, and changes nothing', async () => {
    const p = start();
    feedSession(p);
    importFile(new File(['{"type":"ws","url":"wss://x"}'], 'events.jsonl'));
    await waitFor(() => expect(screen.getByTestId('import-status').dataset.state).toBe('failed'));
    expect(screen.getByTestId('import-status').textContent).toBe(
      'events.jsonl is not a HAR file: the document has no "log" object',
    );
    importFile(new File(['{"log":{"entries":[{"request":'], 'cut.har'));
    await waitFor(() =>
      expect(screen.getByTestId('import-status').textContent).toBe(
        'cut.har is not a complete HAR file: entry 1 at line 1: the file ends inside it',
      ),
    );
    expect(screen.queryByTestId('source-import')).toBeNull();
    expect(rows()).toHaveLength(4);
  });
});

describe('pairs', () => {
  it('names the request on the error row, and links both ways in the details', () => {
    const p = start();
    feedSession(p);
    const reply = rows()[1] as HTMLElement;
    expect(within(reply).getByTestId('pair-inline').textContent).toBe(
      ' · reply to #1 order.place, 23 ms later',
    );
    expect(within(rows()[0] as HTMLElement).getByTestId('pair-badge').textContent).toBe(
      '→ #2 · 23 ms',
    );
    fireEvent.click(reply);
    expect(screen.getByTestId('pair-text').textContent).toBe(
      'reply to #1 order.place, 23 ms later',
    );
    fireEvent.click(screen.getByTestId('pair-jump'));
    expect(screen.getByTestId('details').dataset.rowId).toBe('1');
    expect(screen.getByTestId('pair-text').textContent).toBe(
      `answered by #2 -2010 ${INSUFFICIENT?.messages.en}, 23 ms later`,
    );
  });

  it('marks a request that got no reply within the timeout', () => {
    const p = start();
    p.session.ingestFrames(
      tabFrames([
        frame({ kind: 'send', url: WS_API, text: '{"id":"t-1","method":"time"}', time: T0 }),
      ]),
    );
    p.flush();
    expect(within(rows()[0] as HTMLElement).queryByTestId('pair-badge')).toBeNull();
    p.advance(PAIR_TIMEOUT_MS + 1);
    expect(within(rows()[0] as HTMLElement).getByTestId('pair-badge').textContent).toBe(
      'no reply in 10 s',
    );
  });
});

describe('filters', () => {
  it('saves the filter typed under a name, applies it when picked, and deletes it', async () => {
    const p = start();
    feedSession(p);
    const filter = screen.getByTestId('filter') as HTMLInputElement;
    fireEvent.input(filter, { target: { value: 'code:-2010' } });
    expect(rows()).toHaveLength(1);
    fireEvent.click(screen.getByTestId('save-filter'));
    fireEvent.input(screen.getByTestId('filter-name'), { target: { value: 'Balance' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-filter-confirm'));
    });
    expect(p.services.savedFilters).toEqual([{ name: 'Balance', query: 'code:-2010' }]);
    fireEvent.input(filter, { target: { value: '' } });
    expect(rows()).toHaveLength(4);
    fireEvent.change(screen.getByTestId('saved-filters'), { target: { value: 'Balance' } });
    expect(filter.value).toBe('code:-2010');
    expect(rows()).toHaveLength(1);
    await act(async () => {
      fireEvent.click(screen.getByTestId('delete-filter'));
    });
    expect(p.services.savedFilters).toEqual([]);
  });

  it('comes back with the saved filters of the settings', async () => {
    start({ filters: [{ name: 'Slow orders', query: 'op:order slow:>500ms' }] });
    await waitFor(() => expect(screen.getByText('Slow orders')).toBeTruthy());
  });

  it('says which term it could not read, and filters on the rest', () => {
    const p = start();
    feedSession(p);
    fireEvent.input(screen.getByTestId('filter'), { target: { value: 'dir:receive /(unclosed/' } });
    expect(rows()).toHaveLength(1);
    expect(screen.getByTestId('filter-problem').textContent).toMatch(
      /^Left out of the filter: \/\(unclosed\/: /,
    );
  });
});

describe('a compressed frame', () => {
  it('is explained, and the details say what it inflated from', async () => {
    const p = start();
    const text = okxError('60012', 'Invalid request: {"op":"subscribe"}');
    const bytes = gzipSync(text);
    p.session.ingestFrames(
      tabFrames([frame({ kind: 'receive', binary: bytes.toString('base64'), size: bytes.length })]),
    );
    await waitFor(() => {
      p.flush();
      expect(rows()[0]?.dataset.code).toBe('60012');
    });
    expect(within(rows()[0] as HTMLElement).getByTestId('inflated-badge').textContent).toBe('gzip');
    fireEvent.click(rows()[0] as HTMLElement);
    expect(screen.getByTestId('inflated-note').textContent).toBe(
      `inflated from ${bytes.length} bytes (gzip) to ${text.length} bytes`,
    );
    expect(screen.getAllByTestId('payload')[0]?.dataset.format).toBe('json');
  });

  it('leaves an uncompressed binary frame in hex', () => {
    const p = start();
    p.session.ingestFrames(
      tabFrames([received('{"a":1}'), frame({ kind: 'receive', binary: btoa('\u0000\u0001hi') })]),
    );
    p.flush();
    fireEvent.click(rows()[1] as HTMLElement);
    expect(screen.getByTestId('payload').dataset.format).toBe('hex');
    expect(screen.queryByTestId('inflated-note')).toBeNull();
  });
});

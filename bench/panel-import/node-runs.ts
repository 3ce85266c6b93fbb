// Bench (Node): the panel's own import and filter code, without a browser: a HAR file read and
// imported into a traffic session (the user's history limit decides what is kept), then the
// filter language over 10,000 of its rows, each query parsed and matched as the toolbar does.
import { parseFilter } from '../../src/panel/traffic/filter-query.ts';
import { readHarFile } from '../../src/panel/traffic/har-file.ts';
import { filterRows } from '../../src/panel/traffic/row-filter.ts';
import type { TrafficSnapshot } from '../../src/panel/traffic/traffic-session.ts';
import { createTrafficSession } from '../../src/panel/traffic/traffic-session.ts';
import { limitsFor } from '../../src/panel/traffic/traffic-store.ts';
import { median } from '../timing.ts';

/** Terms users of exchange APIs think in, alone and combined. */
export const FILTER_QUERIES = [
  'code:-1021',
  'exchange:okx channel:books',
  'op:subscribe dir:send',
  'status:4xx',
  '-kind:receive',
  'slow:>500ms',
  '/-10(21|03)/',
  'insufficient balance',
  'exchange:woo -code:-1003 kind:receive',
];

export interface NodeImport {
  ms: number;
  rows: number;
  rowsKept: number;
  errorsKept: number;
}

export async function importInNode(
  text: string,
  historyMaxRows: number,
): Promise<{ result: NodeImport; snapshot: TrafficSnapshot }> {
  const started = performance.now();
  const read = await readHarFile(new Blob([text]), 'bench.har');
  if (!read.ok) throw new Error(read.problem);
  const session = createTrafficSession({
    limits: { ...limitsFor(historyMaxRows), maxChars: 256 * 1024 * 1024 },
  });
  const summary = await session.importHar(read.entries, { file: 'bench.har' });
  const snapshot = session.snapshot();
  const ms = performance.now() - started;
  session.dispose();
  return {
    result: {
      ms: Math.round(ms),
      rows: summary.rows,
      rowsKept: snapshot.rows.length,
      errorsKept: snapshot.rows.filter((row) => row.level === 'error').length,
    },
    snapshot,
  };
}

export interface FilterTiming {
  query: string;
  rows: number;
  kept: number;
  medianMs: number;
  p95Ms: number;
}

export function timeFilters(
  snapshot: TrafficSnapshot,
  rowCount: number,
  runs = 30,
): FilterTiming[] {
  const rows = snapshot.rows.slice(-rowCount);
  return FILTER_QUERIES.map((query) => {
    const samples: number[] = [];
    let kept = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      kept = filterRows(rows, {
        errorsOnly: false,
        query: parseFilter(query),
        pairs: snapshot.pairs,
      }).length;
      samples.push(performance.now() - started);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      query,
      rows: rows.length,
      kept,
      medianMs: Number(median(samples).toFixed(3)),
      p95Ms: Number((sorted[Math.floor(0.95 * sorted.length)] ?? 0).toFixed(3)),
    };
  });
}

// Bench (Node): which of the detector's dialects the generated stream carries. The map is typed
// by the Dialect union, so a dialect added to src/core/detect fails the typecheck here until
// the benchmark says whether its frames are in the stream (and bench/frames/error-frames.ts
// generates them); a dialect said to be in the stream but absent from a run fails the run.
import type { Dialect } from '../src/core/index.ts';

const COVERAGE: Record<Dialect, 'stream' | 'not a frame'> = {
  'binance-rest': 'stream',
  'binance-ws-api': 'stream',
  'okx-ws-event': 'stream',
  'okx-ws-notice': 'stream',
  'okx-rest': 'stream',
  'okx-rest-item': 'stream',
  'woo-rest': 'stream',
  'bybit-rest': 'stream',
  'bybit-rest-item': 'stream',
  'bybit-ws-op': 'stream',
  // A close code and an HTTP status are events of their own, not payloads of a frame.
  'close-frame': 'not a frame',
  'http-status': 'not a frame',
};

export function dialectCoverage(seen: Record<string, number>) {
  const wanted = Object.entries(COVERAGE).filter(([, where]) => where === 'stream');
  return {
    in_stream: wanted.map(([dialect]) => dialect).filter((dialect) => (seen[dialect] ?? 0) > 0),
    missing: wanted.map(([dialect]) => dialect).filter((dialect) => !(seen[dialect] ?? 0)),
    not_frames: Object.entries(COVERAGE)
      .filter(([, where]) => where === 'not a frame')
      .map(([dialect]) => dialect),
  };
}

// Bench (Node): command-line options of npm run bench:load.
import { parseArgs } from 'node:util';

export interface LoadOptions {
  seconds: number;
  rate: number;
  dialect: 'okx' | 'gateway' | 'woo' | 'mixed';
  errorEvery: number;
  warmupMs: number;
  /** Also measure plain Chromium with DevTools open, to tell DevTools' own cost from ours. */
  devtoolsBaseline: boolean;
  /** Which cases: the panel open (the original runs), DevTools closed, or both. */
  only: 'open' | 'closed' | undefined;
  /** DevTools closed: the rates measured, and each run's measured seconds. */
  closedRates: number[];
  closedSeconds: number;
}

export const USAGE = `npm run bench:load -- [--seconds 60] [--rate 5000] [--dialect mixed]
  [--error-every 100] [--warmup-ms 2000] [--no-devtools-baseline]
  [--only open|closed] [--closed-rates 5000,20000] [--closed-seconds 30]`;

const DIALECTS = ['okx', 'gateway', 'woo', 'mixed'] as const;

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} wants a number ≥ 0`);
  return value;
}

export function parseLoadOptions(argv: readonly string[]): LoadOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seconds: { type: 'string' },
      rate: { type: 'string' },
      dialect: { type: 'string' },
      'error-every': { type: 'string' },
      'warmup-ms': { type: 'string' },
      'no-devtools-baseline': { type: 'boolean' },
      only: { type: 'string' },
      'closed-rates': { type: 'string' },
      'closed-seconds': { type: 'string' },
    },
  });
  const dialect = values.dialect ?? 'mixed';
  if (!(DIALECTS as readonly string[]).includes(dialect)) {
    throw new Error(`--dialect is one of ${DIALECTS.join(', ')}`);
  }
  const seconds = positive('seconds', values.seconds, 60);
  const rate = positive('rate', values.rate, 5000);
  if (seconds < 1 || rate < 1) throw new Error('--seconds and --rate must be at least 1');
  const only = values.only;
  if (only !== undefined && only !== 'open' && only !== 'closed') {
    throw new Error('--only is open or closed');
  }
  const closedRates = (values['closed-rates'] ?? '5000,20000').split(',').map(Number);
  if (closedRates.some((r) => !Number.isInteger(r) || r < 1)) {
    throw new Error('--closed-rates is a comma-separated list of frames/s');
  }
  return {
    only,
    closedRates,
    closedSeconds: positive('closed-seconds', values['closed-seconds'], 30),
    seconds,
    rate,
    dialect: dialect as LoadOptions['dialect'],
    errorEvery: Math.floor(positive('error-every', values['error-every'], 100)),
    warmupMs: positive('warmup-ms', values['warmup-ms'], 2000),
    devtoolsBaseline: !values['no-devtools-baseline'],
  };
}

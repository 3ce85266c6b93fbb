// The gateway seed (a Binance-style futures API): 70 codes in groups, the HTTP status table,
// the "Fixing Signature Errors" steps and the retry advice of its "Best Practices" section.
import { parseMarkdownTables } from '../../src/core/catalogue/markdown-table.ts';
import type { RetryAdvice } from '../../src/core/catalogue/types.ts';
import { numberRows, type SeedRow } from './entry.ts';

const BACKOFF_NOTE = 'Exponential backoff: wait 2^attempt s plus up to 1 s of jitter, 3 attempts.';

/** Retry advice the seed states in prose and code: backoff, a fixed wait, a token refresh. */
export function gatewayRetryAdvice(text: string): Map<string, RetryAdvice> {
  const advice = new Map<string, RetryAdvice>();
  const transient = /For transient errors \(([^)]*)\)[^\n]*backoff/.exec(text);
  if (!transient?.[1]) throw new Error('gateway seed: transient-error retry advice not found');
  for (const code of transient[1].split(',').map((c) => c.trim())) {
    advice.set(code, { kind: 'backoff', source: 'exchange', note: BACKOFF_NOTE });
  }
  const wait = /error_code == (-\d+):\s*\n#[^\n]*\n\s*time\.sleep\((\d+)\)/.exec(text);
  if (!wait?.[1] || !wait[2]) throw new Error('gateway seed: rate-limit wait not found');
  const seconds = Number(wait[2]);
  advice.set(wait[1], {
    kind: 'wait',
    delayMs: seconds * 1000,
    source: 'exchange',
    note: `Wait ${seconds} s, then retry.`,
  });
  const refresh = /error_code == (-\d+):\s*\n#\s*Token expired[^\n]*\n\s*refresh_token\(\)/.exec(
    text,
  );
  if (!refresh?.[1]) throw new Error('gateway seed: token-refresh advice not found');
  advice.set(refresh[1], {
    kind: 'after-fix',
    source: 'exchange',
    note: 'Refresh the JWT token, then retry.',
  });
  return advice;
}

/** The numbered steps under "Fixing Signature Errors", each as one line of text. */
export function gatewaySignatureSteps(text: string): string[] {
  const start = text.indexOf('Fixing Signature Errors');
  const end = text.indexOf('Order Errors', start);
  if (start < 0 || end < 0) throw new Error('gateway seed: "Fixing Signature Errors" not found');
  const block = text.slice(start + 'Fixing Signature Errors'.length, end);
  return block
    .split(/(?:^|\s)-\s*(?:\n|$)/)
    .map((step) => step.replace(/\s*\n\s*/g, ' ').trim())
    .filter((step) => step !== '')
    .map((step) => step.replace(/ (curl .*)$/, ' (`$1`)'));
}

export function gatewaySeedRows(text: string, source: string): SeedRow[] {
  const retry = gatewayRetryAdvice(text);
  const steps = gatewaySignatureSteps(text);
  const rows: Omit<SeedRow, 'row' | 'rowCount'>[] = [];
  for (const table of parseMarkdownTables(text)) {
    const [first] = table.headers;
    if (first === 'Code') {
      const websocket = table.heading.startsWith('WebSocket');
      for (const { cells } of table.rows) {
        const [code = '', message = '', description = '', solution = ''] = cells;
        const signing = table.heading.startsWith('Signature');
        rows.push({
          exchange: 'gateway',
          surface: websocket ? 'ws-message' : 'rest',
          code,
          messages: { en: message },
          description,
          group: table.heading,
          sourceFix: solution,
          ...(retry.has(code) ? { sourceRetry: retry.get(code) } : {}),
          ...(signing ? { steps } : {}),
          source,
        });
      }
    } else if (first === 'Status') {
      for (const { cells } of table.rows) {
        const [status = '', meaning = '', description = ''] = cells;
        rows.push({
          exchange: 'gateway',
          surface: 'http-status',
          code: status,
          httpStatus: Number(status),
          messages: { en: meaning },
          description,
          group: table.heading,
          source,
        });
      }
    }
  }
  return numberRows(rows);
}

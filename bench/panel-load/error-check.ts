// Bench (Node): are all the market stream's error frames in the panel? Error frames carry
// "#<seq>" and come every errorEvery-th frame, so the page's count names the exact set expected.
import type { ErrorRowsRead, PanelNotices } from './panel-probe.ts';

export interface ErrorCheck {
  /** Error frames the page's own onmessage counted. */
  pageErrors: number;
  /** Error seqs the page must have received: errorEvery, 2·errorEvery, … up to its last frame. */
  expected: number;
  /** Rows the panel listed with errors-only and the stream's URL in the filter. */
  panelListed: number;
  /** Distinct seqs read from those rows by scrolling the list. */
  panelSeqs: number;
  missing: number;
  /** The first missing seqs, for a bug report. */
  missingSeqs: string;
  /** Rows whose seq was already shown (the same frame twice). */
  duplicates: number;
  /** Rows listed as errors that carry no expected seq. */
  unexpected: number;
  /** Older error rows the panel says it dropped to save memory (its notice). */
  droppedErrorsNotice: number;
  /** Missing and not owned up to by the notice: the correctness failure. */
  lost: number;
}

export function checkErrors(
  page: { received: number; errors: number },
  errorEvery: number,
  read: ErrorRowsRead,
  notices: PanelNotices,
): ErrorCheck {
  const expected = errorEvery > 0 ? Math.floor(page.received / errorEvery) : 0;
  const shown = new Set(read.seqs.filter((seq) => Number.isFinite(seq)));
  const missing: number[] = [];
  for (let k = 1; k <= expected; k++) if (!shown.has(k * errorEvery)) missing.push(k * errorEvery);
  const isExpected = (seq: number) =>
    errorEvery > 0 && seq % errorEvery === 0 && seq / errorEvery <= expected;
  return {
    pageErrors: page.errors,
    expected,
    panelListed: read.listed,
    panelSeqs: shown.size,
    missing: missing.length,
    missingSeqs: missing.slice(0, 20).join(' '),
    duplicates: read.seqs.length - read.seqs.filter((s) => !Number.isFinite(s)).length - shown.size,
    unexpected: read.seqs.filter((seq) => !isExpected(seq)).length,
    droppedErrorsNotice: notices.droppedErrors,
    lost: Math.max(0, missing.length - notices.droppedErrors),
  };
}

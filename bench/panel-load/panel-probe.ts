// Bench (Node): installs panel-probe.js in the panel's frame and calls it, with its types.
import { readFileSync } from 'node:fs';
import type { Frame } from 'puppeteer-core';

export interface Timed {
  /** ms from the action to the list showing it; null when it did not within 10 s. */
  dom: number | null;
  /** ms from the action to the next animation frame after the list showed it. */
  paint: number | null;
}

export interface ProbeSample {
  timer: number;
  frame: number;
  errorsOn: Timed;
  errorsOff: Timed;
  filterOn: Timed;
  filterOff: Timed;
}

export interface PanelNotices {
  listed: number;
  errors: number;
  droppedPlain: number;
  droppedErrors: number;
  pageDropped: number;
  droppedText: string;
}

export interface ErrorRowsRead {
  /** Rows the list said it held (its aria-label) with errors-only and the URL filter. */
  listed: number;
  /** Distinct rows read while scrolling through them. */
  read: number;
  notError: number;
  /** The #<seq> of each row read (NaN when a row carries none). */
  seqs: number[];
}

interface Probe {
  sample(): Promise<ProbeSample>;
  notices(): PanelNotices;
  errorRows(urlPart: string): Promise<ErrorRowsRead>;
}

const SOURCE = readFileSync(new URL('./panel-probe.js', import.meta.url), 'utf8');
type WithProbe = { __panelProbe: Probe };

export interface PanelProbe {
  sample(): Promise<ProbeSample>;
  notices(): Promise<PanelNotices>;
  errorRows(urlPart: string): Promise<ErrorRowsRead>;
}

export async function installPanelProbe(frame: Frame): Promise<PanelProbe> {
  await frame.evaluate(SOURCE);
  return {
    // Functions handed to evaluate run in the panel: no closures, and anonymous (tsx would
    // wrap named ones in a helper the panel does not have).
    sample: () => frame.evaluate(() => (globalThis as unknown as WithProbe).__panelProbe.sample()),
    notices: () =>
      frame.evaluate(() => (globalThis as unknown as WithProbe).__panelProbe.notices()),
    errorRows: (urlPart) =>
      frame.evaluate(
        (part) => (globalThis as unknown as WithProbe).__panelProbe.errorRows(part),
        urlPart,
      ),
  };
}

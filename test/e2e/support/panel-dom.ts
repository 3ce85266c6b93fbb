// Test support (Node): reads the Exchange Lens panel as a user sees it (rows, annotations,
// banner, details) and drives its toolbar, in a DevTools frame (Chromium) or a tab (Firefox).
import type { Frame, Page } from 'puppeteer-core';
import { pollFor } from './poll.ts';

/** The panel's document: its frame inside DevTools, or the page of a panel opened as a tab. */
export type PanelDocument = Frame | Page;

export interface PanelAnnotation {
  /** data-exchange: the exchange id the finding was attributed to. */
  exchangeId: string | undefined;
  /** data-confidence: certain, likely or unsure; the row shows a tag unless certain. */
  confidence: string | undefined;
  /** The label printed on the row: "OKX", "Gateway", "WOO X", "HTTP". */
  exchange: string;
  code: string;
  category: string;
  message: string;
  /** The fix text, without its " · Fix: " lead. */
  fix: string;
  /** The retry advice, without its " · retry: " lead. */
  retry: string;
  /** The whole annotation line as rendered. */
  text: string;
}

export interface PanelRow {
  id: number;
  kind: string | undefined;
  /** data-error="true" */
  error: boolean;
  /** data-code: the first finding's code, or the close code. */
  code: string | undefined;
  /** The kind column: "WS received", "close", "HTTP"... */
  kindLabel: string;
  where: string;
  /** The preview column: the payload on one line, or "4004 reason · clean" for a close. */
  preview: string;
  annotation: PanelAnnotation | undefined;
}

const ROW = '[data-testid="row"]';
const ROW_CELLS = { kindLabel: '.cell-kind', where: '.cell-where', preview: '.cell-preview' };
const NOTE_CELLS = {
  exchange: '.ann-exchange',
  code: '.ann-code',
  category: '[data-testid="category-badge"]',
  message: '.ann-message',
  fix: '.ann-fix',
  retry: '.ann-retry',
};

const withoutLead = (value: string | undefined, lead: string): string =>
  value?.startsWith(lead) ? value.slice(lead.length) : (value ?? '');

/**
 * The rows currently in the DOM (the list is virtualised: the ones in view), in list order.
 * The function evaluated in the panel declares no named functions: tsx (the benchmark's
 * runner) would wrap them in a helper that does not exist in the browser.
 */
export async function readRows(panel: PanelDocument): Promise<PanelRow[]> {
  const raw = await panel.evaluate(
    (selector, rowCells, noteCells) =>
      [...document.querySelectorAll(selector)].map((row) => {
        const note = row.querySelector('[data-testid="annotation"]');
        return {
          id: Number(row.getAttribute('data-row-id')),
          kind: row.getAttribute('data-kind') ?? undefined,
          error: row.getAttribute('data-error') === 'true',
          code: row.getAttribute('data-code') ?? undefined,
          cells: Object.fromEntries(
            Object.entries(rowCells).map(([key, css]) => [
              key,
              (row.querySelector(css)?.textContent ?? '').trim(),
            ]),
          ),
          note: note
            ? {
                exchangeId: note.getAttribute('data-exchange') ?? undefined,
                confidence: note.getAttribute('data-confidence') ?? undefined,
                text: (note.textContent ?? '').trim(),
                cells: Object.fromEntries(
                  Object.entries(noteCells).map(([key, css]) => [
                    key,
                    (note.querySelector(css)?.textContent ?? '').trim(),
                  ]),
                ),
              }
            : undefined,
        };
      }),
    ROW,
    ROW_CELLS,
    NOTE_CELLS,
  );
  return raw
    .map(({ id, kind, error, code, cells, note }) => ({
      id,
      kind,
      error,
      code,
      kindLabel: cells.kindLabel ?? '',
      where: cells.where ?? '',
      preview: cells.preview ?? '',
      annotation: note && {
        exchangeId: note.exchangeId,
        confidence: note.confidence,
        exchange: note.cells.exchange ?? '',
        code: note.cells.code ?? '',
        category: note.cells.category ?? '',
        message: note.cells.message ?? '',
        fix: withoutLead(note.cells.fix, '· Fix: '),
        retry: withoutLead(note.cells.retry, '· retry: '),
        text: note.text,
      },
    }))
    .sort((a, b) => a.id - b.id);
}

/** Polls the rows in view until `pick` finds what it wants. */
export async function waitForRows<T>(
  panel: PanelDocument,
  pick: (rows: PanelRow[]) => T | undefined,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  let last: PanelRow[] = [];
  const probe = async () => {
    last = await readRows(panel);
    return pick(last);
  };
  try {
    return await pollFor(probe, { what, timeoutMs, intervalMs: 200 });
  } catch (error) {
    // Say what the panel did show: the difference is the bug report.
    const shown = last.map(describeRow).join('\n  ') || '(no rows)';
    throw new Error(`${(error as Error).message}; rows in view:\n  ${shown}`);
  }
}

/** One line per row for failure messages. */
export function describeRow(row: PanelRow): string {
  const flag = row.error ? 'error' : 'plain';
  const note = row.annotation ? ` || ${row.annotation.text}` : '';
  return `#${row.id} ${row.kindLabel} [${flag} ${row.code ?? '-'}] ${row.preview}${note}`;
}

/** Waits for one row matching `match`, e.g. an error row with a given code. */
export function waitForRow(
  panel: PanelDocument,
  match: (row: PanelRow) => boolean,
  what: string,
  timeoutMs?: number,
): Promise<PanelRow> {
  return waitForRows(panel, (rows) => rows.find(match), what, timeoutMs);
}

export interface CaptureBannerText {
  state: string | undefined;
  text: string;
}

export function readCaptureBanner(panel: PanelDocument): Promise<CaptureBannerText> {
  return panel.evaluate(() => {
    const banner = document.querySelector('[data-testid="capture-status"]');
    return {
      state: banner?.getAttribute('data-state') ?? undefined,
      text: (banner?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

async function control(panel: PanelDocument, testId: string) {
  const handle = await panel.waitForSelector(`[data-testid="${testId}"]`, { timeout: 10_000 });
  if (!handle) throw new Error(`the panel has no ${testId} control`);
  return handle;
}

/** Ticks or unticks the toolbar's "Errors only", with a click as a user would. */
export async function setErrorsOnly(panel: PanelDocument, on: boolean): Promise<void> {
  const box = await control(panel, 'errors-only');
  const checked = await box.evaluate((element) => (element as HTMLInputElement).checked);
  if (checked !== on) await box.click();
}

/** Replaces the toolbar's filter text by typing it. */
export async function typeFilter(panel: PanelDocument, text: string): Promise<void> {
  const input = await control(panel, 'filter');
  await input.click({ count: 3 });
  await input.press('Backspace');
  if (text !== '') await input.type(text);
}

/** Clicks a row (by its data-row-id) and returns the details pane's text once it shows it. */
export async function openDetails(panel: PanelDocument, rowId: number): Promise<DetailsText> {
  // The time cell: the first column, inside the view even when DevTools is narrow.
  const row = await panel.waitForSelector(`${ROW}[data-row-id="${rowId}"] .cell-time`, {
    timeout: 10_000,
  });
  if (!row) throw new Error(`row ${rowId} is not in view`);
  await row.click();
  return pollFor(
    async () => {
      const details = await readDetails(panel);
      return details?.rowId === rowId ? details : undefined;
    },
    { what: `the details pane of row ${rowId}`, timeoutMs: 10_000 },
  );
}

export interface DetailsText {
  rowId: number;
  /** The whole pane, whitespace collapsed. */
  text: string;
  /** By data-testid inside the pane: close-code, close-meaning, placeholders, attribution... */
  fields: Record<string, string>;
  /** data-entry-id of each catalogue entry shown. */
  entryIds: string[];
  /** Fix text of each catalogue entry shown ("Fix" term of the entry list). */
  entryFixes: string[];
}

export async function readDetails(panel: PanelDocument): Promise<DetailsText | undefined> {
  const raw = await panel.evaluate(() => {
    const pane = document.querySelector('[data-testid="details"]');
    if (!pane) return undefined;
    return {
      rowId: Number(pane.getAttribute('data-row-id')),
      text: pane.textContent ?? '',
      fields: [...pane.querySelectorAll('[data-testid]')].map((element) => [
        element.getAttribute('data-testid') ?? '',
        element.textContent ?? '',
      ]),
      entries: [...pane.querySelectorAll('[data-testid="catalogue-entry"]')].map((entry) => ({
        id: entry.getAttribute('data-entry-id') ?? '',
        fix:
          [...entry.querySelectorAll('dt')].find((term) => term.textContent === 'Fix')
            ?.nextElementSibling?.textContent ?? '',
      })),
    };
  });
  if (!raw) return undefined;
  const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
  const fields: Record<string, string> = {};
  for (const [id, text] of raw.fields) fields[id as string] ??= squash(text as string);
  return {
    rowId: raw.rowId,
    text: squash(raw.text),
    fields,
    entryIds: raw.entries.map((entry) => entry.id),
    entryFixes: raw.entries.map((entry) => squash(entry.fix)),
  };
}

// Test support (Node): drives the panel's signing pane as a user does (types into its fields,
// clicks) and reads it back as shown: text, data-* states, the headers it says to send.
import type { Frame } from 'puppeteer-core';
import type { PanelRow } from './panel-dom.ts';
import { pollFor } from './poll.ts';

export const byTestId = (id: string) => `[data-testid="${id}"]`;

/** Clears a field of the pane and types into it, as a user does. */
export async function fill(panel: Frame, testId: string, value: string): Promise<void> {
  const field = await panel.waitForSelector(byTestId(testId), { timeout: 10_000 });
  if (!field) throw new Error(`the pane has no ${testId}`);
  await field.evaluate((element) => {
    (element as HTMLInputElement).select();
  });
  await field.press('Backspace');
  if (value !== '') await field.type(value);
}

export async function click(panel: Frame, selector: string): Promise<void> {
  const element = await panel.waitForSelector(selector, { timeout: 10_000 });
  if (!element) throw new Error(`nothing matches ${selector}`);
  await element.click();
}

export interface PaneText {
  text: string;
  data: Record<string, string>;
}

export function readPane(panel: Frame, testId: string): Promise<PaneText | undefined> {
  return panel.evaluate((selector) => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) return undefined;
    return {
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      data: { ...element.dataset } as Record<string, string>,
    };
  }, byTestId(testId));
}

/** Polls a part of the pane until `ready` accepts it. */
export function waitForPane(
  panel: Frame,
  testId: string,
  ready: (part: PaneText) => boolean,
  what: string,
): Promise<PaneText> {
  return pollFor(
    async () => {
      const part = await readPane(panel, testId);
      return part && ready(part) ? part : undefined;
    },
    { what, timeoutMs: 15_000 },
  );
}

/** Clicks "Explain signing" on a row and waits for the pane it opens. */
export async function explainRow(panel: Frame, row: PanelRow): Promise<void> {
  await click(panel, `[data-row-id="${row.id}"] ${byTestId('explain-signing')}`);
  await panel.waitForSelector(byTestId('signing-pane'), { timeout: 10_000 });
}

/** The headers the pane says to send, name to value, as the user reads them. */
export function headersToSend(panel: Frame): Promise<Record<string, string>> {
  return panel.evaluate(() => {
    const headers: Record<string, string> = {};
    for (const header of document.querySelectorAll<HTMLElement>('[data-testid="sign-header"]')) {
      const value = header.querySelector('[data-testid="sign-header-value"]');
      headers[header.dataset.name ?? ''] = value?.textContent ?? '';
    }
    return headers;
  });
}

/** Every attribute value of the panel's document (ids, data-*, titles, values set as markup). */
export function allAttributes(panel: Frame): Promise<string> {
  return panel.evaluate(() =>
    [...document.querySelectorAll('*')]
      .flatMap((element) => [...element.attributes].map((attribute) => attribute.value))
      .join('\n'),
  );
}

// Test support (Node): the panel's Export HAR and Import HAR as a user drives them: downloads
// land in a throwaway folder, a file is chosen in the import input, and rows are compared the
// way a user would compare two panels.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, ElementHandle } from 'puppeteer-core';
import { repoRoot } from './dist.ts';
import type { PanelDocument, PanelRow } from './panel-dom.ts';
import { pollFor } from './poll.ts';

export async function downloadFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'exchange-lens-downloads-'));
}

/** Chromium: downloads of every page (the DevTools panel's included) go to `dir`, unasked. */
export async function allowChromiumDownloads(browser: Browser, dir: string): Promise<void> {
  const session = await browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
}

/** Clicks Export HAR and returns the file it saved (once fully written) and the status line. */
export async function exportHar(
  panel: PanelDocument,
  dir: string,
): Promise<{ path: string; text: string; status: string }> {
  const before = new Map<string, number>();
  for (const name of await readdir(dir)) before.set(name, (await stat(join(dir, name))).mtimeMs);
  await (await control(panel, 'export-har')).click();
  const path = await pollFor(
    async () => {
      for (const name of await readdir(dir)) {
        if (!name.endsWith('.har')) continue;
        const full = join(dir, name);
        const { size, mtimeMs } = await stat(full);
        if (size === 0 || before.get(name) === mtimeMs) continue;
        // Complete once it parses.
        JSON.parse(await readFile(full, 'utf8'));
        return full;
      }
      return undefined;
    },
    { what: `an exported .har file in ${dir}`, timeoutMs: 15_000 },
  );
  const status = await panel.$eval('[data-testid="export-status"]', (el) => el.textContent ?? '');
  return { path, text: await readFile(path, 'utf8'), status };
}

async function control(panel: PanelDocument, testId: string): Promise<ElementHandle<Element>> {
  const handle = await panel.waitForSelector(`[data-testid="${testId}"]`, { timeout: 10_000 });
  if (!handle) throw new Error(`the panel has no ${testId} control`);
  return handle;
}

/** Chooses `path` in the Import HAR input and waits for the import's outcome line. */
export async function importHar(
  panel: PanelDocument,
  path: string,
): Promise<{ state: string; text: string }> {
  const input = (await control(panel, 'import-har')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
  return pollFor(
    () =>
      panel.evaluate(() => {
        const status = document.querySelector('[data-testid="import-status"]');
        const state = status?.getAttribute('data-state') ?? '';
        if (state !== 'done' && state !== 'failed') return undefined;
        return { state, text: status?.textContent ?? '' };
      }),
    { what: `the import of ${path} to finish`, timeoutMs: 30_000 },
  );
}

/** A row as two panels showing the same session agree on it: row numbers are each panel's own. */
export function comparable(row: PanelRow): string {
  const note = row.annotation?.text.replace(/#\d+/g, '#N') ?? '';
  return `${row.kindLabel} | ${row.error ? 'error' : 'plain'} ${row.code ?? '-'} | ${row.where} | ${row.preview.replace(/[←→] #\d+/g, '#N')} | ${note}`;
}

/** `exchange-lens scan FILE --json` with the built CLI: its exit code and findings. */
export async function scanWithCli(
  path: string,
): Promise<{ code: number; findings: { exchange: string; code: string; severity: string }[] }> {
  const cli = join(repoRoot, 'dist/cli/exchange-lens.js');
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'scan', path, '--json']);
    return { code: 0, findings: JSON.parse(stdout).findings };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    if (failed.code === 1 && failed.stdout) {
      return { code: 1, findings: JSON.parse(failed.stdout).findings };
    }
    throw error;
  }
}

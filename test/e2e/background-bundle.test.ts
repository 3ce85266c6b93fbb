// The built background (service worker in Chromium, event page in Firefox) wakes on every port
// and tab event: it must not parse the bundled catalogues, which only the panel, popup and
// options need. Reads the build's import graph from the manifest's background script.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../support/repo.ts';

// Static imports and re-exports (`import{a as b}from"./x.js"`, `import "./x.js"`) and dynamic
// `import("./x.js")`, as the minified build writes them.
const IMPORT = /(?:import|export)\s*\(?\s*(?:[^'"`;()]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

function reachableFiles(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      pending.push(join(dirname(file), match[1] as string));
    }
  }
  return [...seen];
}

function backgroundEntry(build: string): string {
  const manifest = JSON.parse(readFileSync(repoPath('dist', build, 'manifest.json'), 'utf8'));
  const script = manifest.background.service_worker ?? manifest.background.scripts[0];
  return repoPath('dist', build, script);
}

// Texts only a catalogue holds: a Binance USDⓈ-M message and an OKX REST one.
const CATALOGUE_TEXTS = ['Margin is insufficient.', 'Order failed. Insufficient'];

describe('the built background', () => {
  for (const build of ['chrome', 'firefox']) {
    it(`loads no catalogue (${build})`, () => {
      const entry = backgroundEntry(build);
      expect(existsSync(entry), `${entry} is missing: run npm run build`).toBe(true);
      const files = reachableFiles(entry);
      // The hub and its protocol are in the graph, so the walk did follow the imports.
      expect(files.length).toBeGreaterThan(2);
      const withCatalogue = files.filter((file) =>
        CATALOGUE_TEXTS.some((text) => readFileSync(file, 'utf8').includes(text)),
      );
      expect(withCatalogue).toEqual([]);
    });
  }
});

// Mock exchange (Node): the console page's files, read once; the page gets the scenarios
// inlined so pressing a button costs no extra request.
import { readFileSync } from 'node:fs';
import { TEST_CREDENTIAL_ROWS } from '../credentials.ts';
import { SCENARIO_GROUPS, SCENARIOS } from '../scenarios/index.ts';

const here = new URL('./', import.meta.url);

function read(name: string): string {
  return readFileSync(new URL(name, here), 'utf8');
}

/** JSON safe inside a <script> element: no "</script>" can close it early. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export interface ConsoleAsset {
  contentType: string;
  text: string;
}

export function loadConsoleAssets(): Map<string, ConsoleAsset> {
  const page = read('index.html')
    .replace('"__SCENARIOS__"', () => inlineJson(SCENARIOS))
    .replace('"__GROUPS__"', () => inlineJson(SCENARIO_GROUPS))
    .replace('"__CREDENTIALS__"', () => inlineJson(TEST_CREDENTIAL_ROWS));
  const js = 'text/javascript; charset=utf-8';
  return new Map([
    ['/', { contentType: 'text/html; charset=utf-8', text: page }],
    ['/console/console.js', { contentType: js, text: read('console.js') }],
    ['/console/scenario-runner.js', { contentType: js, text: read('scenario-runner.js') }],
    ['/console/page-signer.js', { contentType: js, text: read('page-signer.js') }],
    ['/console/console.css', { contentType: 'text/css; charset=utf-8', text: read('console.css') }],
  ]);
}

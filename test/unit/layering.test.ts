// The layering rule is biome.json's noRestrictedImports overrides. This runs biome with the
// project's own configuration over deliberate violations laid out as they would sit in src/, so a
// hole in the patterns (an import text no pattern matches) fails here rather than in review.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../support/repo.ts';

const run = promisify(execFile);

/** Path in src/ -> the import it makes, and whether the rule must refuse it. */
const CASES: Array<{ file: string; from: string; refused: boolean }> = [
  { file: 'src/core/detect/a.ts', from: '../../protocol/index.ts', refused: true },
  { file: 'src/core/detect/b.ts', from: '../../lib/index.ts', refused: true },
  { file: 'src/core/detect/c.ts', from: 'preact', refused: true },
  { file: 'src/core/detect/d.ts', from: 'webextension-polyfill', refused: true },
  { file: 'src/core/detect/ok.ts', from: '../json/fields.ts', refused: false },
  { file: 'src/panel/traffic/a.ts', from: '../view/traffic-row.tsx', refused: true },
  { file: 'src/panel/traffic/b.ts', from: '../capture/devtools-network.ts', refused: true },
  { file: 'src/panel/traffic/c.ts', from: '../sign/sign-pane.tsx', refused: true },
  { file: 'src/panel/traffic/d.ts', from: '../browser-services.ts', refused: true },
  { file: 'src/panel/traffic/e.ts', from: '../panel-app.tsx', refused: true },
  { file: 'src/panel/traffic/f.ts', from: '../../ui/clipboard.ts', refused: true },
  { file: 'src/panel/traffic/g.ts', from: 'preact/hooks', refused: true },
  { file: 'src/panel/traffic/ok.ts', from: '../../core/index.ts', refused: false },
  { file: 'src/page/a.ts', from: '../storage/index.ts', refused: true },
  { file: 'src/page/ok.ts', from: '../protocol/index.ts', refused: false },
  { file: 'src/protocol/a.ts', from: '../content/relay.ts', refused: true },
  { file: 'src/protocol/b.ts', from: 'webextension-polyfill', refused: true },
];

let root = '';
let refusedFiles = new Set<string>();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'layering-'));
  await copyFile(repoPath('biome.json'), join(root, 'biome.json'));
  for (const { file, from } of CASES) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), `import { x } from '${from}';\n\nexport const y = x;\n`);
  }
  const biome = repoPath('node_modules/.bin/biome');
  // biome exits 1 when it reports errors; the report is what this test reads.
  const { stdout } = await run(biome, ['lint', '--reporter=json', '.'], { cwd: root }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const report = JSON.parse(stdout) as {
    diagnostics: Array<{ category: string; location: { path: string } }>;
  };
  refusedFiles = new Set(
    report.diagnostics
      .filter((d) => d.category === 'lint/style/noRestrictedImports')
      .map((d) => d.location.path),
  );
}, 30_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the layering rule in biome.json', () => {
  for (const { file, from, refused } of CASES) {
    it(`${refused ? 'refuses' : 'allows'} ${file} importing ${from}`, () => {
      expect(refusedFiles.has(file)).toBe(refused);
    });
  }
});

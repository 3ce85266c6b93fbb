// The one test of the built CLI: bin/exchange-lens.js runs dist/cli/exchange-lens.js under Node.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { REPO_ROOT, repoPath } from '../../support/repo.ts';

const BUNDLE = repoPath('dist/cli/exchange-lens.js');

it('node bin/exchange-lens.js explain -1021 --json prints the match', async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['bin/exchange-lens.js', 'explain', '-1021', '--json'],
    { cwd: REPO_ROOT },
  );
  const { matches } = JSON.parse(stdout);
  expect(matches[0]).toMatchObject({ exchange: 'gateway', code: '-1021', category: 'timestamp' });
});

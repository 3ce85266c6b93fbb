import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEntries, GENERATED_PATH, renderGenerated } from '../../../scripts/catalogue/build.ts';
import { REPO_ROOT } from '../../support/repo.ts';

const root = REPO_ROOT;

describe('npm run catalogue', () => {
  it('has written the data the seeds and annotations give today (run `npm run catalogue`)', () => {
    const committed = readFileSync(join(root, GENERATED_PATH), 'utf8');
    expect(committed).toBe(renderGenerated(buildEntries(root)));
  });

  it('refuses an annotation that matches no seed row', async () => {
    const { Annotations } = await import('../../../scripts/catalogue/annotations.ts');
    const annotations = new Annotations('x.json', {
      'rest:-1': { category: 'server', retry: { kind: 'backoff' } },
      'rest:-2': { category: 'server', retry: { kind: 'backoff' } },
    });
    annotations.for('rest', '-1', 0);
    expect(annotations.unused()).toEqual(['rest:-2']);
    expect(() => annotations.for('rest', '-3', 0)).toThrow(/no annotation for rest:-3/);
  });
});

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

  it('unpacks to exactly the entries the generator built, key order included', async () => {
    const { BUNDLED_ENTRIES } = await import(
      '../../../src/core/catalogue/generated/bundled-entries.ts'
    );
    expect(JSON.stringify(BUNDLED_ENTRIES)).toBe(JSON.stringify(buildEntries(root)));
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

  it('layers a row key over a message key over a code key over a rule', async () => {
    const { Annotations } = await import('../../../scripts/catalogue/annotations.ts');
    const annotations = new Annotations(
      'x.json',
      {
        'rest:-2010': { category: 'order', retry: { kind: 'after-fix' }, fix: 'code' },
        'rest:-2010#2': { category: 'margin', fix: 'row' },
      },
      { 'Market is closed.': { retry: { kind: 'wait' }, fix: 'message' } },
    );
    const rule = { category: 'server' as const, retry: { kind: 'backoff' as const }, fix: 'rule' };
    const at = (row: number, messages: string[]) =>
      annotations.for('rest', '-2010', row, messages, rule).annotation;
    expect(at(0, [])).toEqual({ category: 'order', retry: { kind: 'after-fix' }, fix: 'code' });
    expect(at(1, ['Market is closed.'])).toMatchObject({ retry: { kind: 'wait' }, fix: 'message' });
    expect(at(2, ['Market is closed.'])).toMatchObject({ category: 'margin', fix: 'row' });
    expect(annotations.for('rest', '-9', 0, [], rule)).toEqual({
      annotation: rule,
      origin: 'rule',
    });
    expect(annotations.unused()).toEqual([]);
  });

  it('has a rule for any row, from specific to a catch-all', async () => {
    const { matchingRule } = await import('../../../scripts/catalogue/annotation-rules.ts');
    const row = (en: string) => ({
      exchange: 'bybit',
      surface: 'rest' as const,
      code: '1',
      row: 0,
      rowCount: 1,
      messages: { en },
      description: en,
      source: 'x',
    });
    expect(matchingRule(row('Timeout waiting for response. Execution status unknown.')).id).toBe(
      'execution-unknown',
    );
    expect(matchingRule(row('Too many visits. Exceeded the API Rate Limit.')).id).toBe(
      'rate-limit',
    );
    expect(matchingRule(row('Insufficient available balance.')).id).toBe('insufficient-funds');
    expect(matchingRule(row('Something nobody documented')).id).toBe('rejected');
  });
});

import { describe, expect, it } from 'vitest';
import { wantsColour } from '../../../src/cli/wants-colour.ts';

describe('colour', () => {
  it('only on a terminal, and never when NO_COLOR is set', () => {
    expect(wantsColour(true, {})).toBe(true);
    expect(wantsColour(false, {})).toBe(false);
    expect(wantsColour(undefined, {})).toBe(false);
    expect(wantsColour(true, { NO_COLOR: '1' })).toBe(false);
    // no-color.org: an empty NO_COLOR is the same as unset.
    expect(wantsColour(true, { NO_COLOR: '' })).toBe(true);
  });
});

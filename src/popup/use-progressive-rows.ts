// A new list shows its first screenful in the keystroke's own frame and the rest one frame
// later: building rows of DOM is most of a keystroke's cost, and only about five are visible.
import { useEffect, useState } from 'preact/hooks';

/** Rows drawn in the keystroke's frame: a screenful and a half. */
export const FIRST_ROWS = 8;

export function useProgressiveRows<T>(rows: readonly T[]): readonly T[] {
  // The very first list (the popup opening) is drawn whole: it is what the first paint shows.
  const [complete, setComplete] = useState(rows);
  useEffect(() => {
    // Effects run after the paint: the rest of the rows follow in the next frame.
    setComplete(rows);
  }, [rows]);
  return complete === rows ? rows : rows.slice(0, FIRST_ROWS);
}

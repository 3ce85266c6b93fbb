// Panel UI: the virtualised list. Only the rows in view (plus a few) are in the DOM. It follows
// the newest row until the user scrolls up; the app then holds the rows still (older ones
// would otherwise be dropped from under the user's eyes) and this list offers "N new — jump to
// latest". Clicks are delegated to the list, so rows carry no handlers of their own.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { explainTarget } from '../sign/explain-signing-button.tsx';
import type { PairingView } from '../traffic/pairing-index.ts';
import { indexOfId } from '../traffic/row-filter.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';
import { rowAt, rowOffsets, visibleRange } from './list-geometry.ts';
import { TrafficRowView } from './traffic-row-view.tsx';

/** Height assumed before the list is laid out (and in DOMs without layout). */
const DEFAULT_VIEWPORT = 600;
/**
 * Rows are keyed by slot (index modulo this), not by id: under a flood every render shows new
 * rows, and refilling the same elements costs a third of creating new ones. More than fit.
 */
const SLOTS = 512;

export interface TrafficListProps {
  rows: readonly TrafficRow[];
  selectedId: number | undefined;
  onSelect(id: number): void;
  /** Arrow keys move the selection, Escape closes the details. */
  onKeyDown(event: KeyboardEvent): void;
  /** Stick to the newest row. */
  follow: boolean;
  /** The user scrolled away from the bottom (false) or back to it, or asked to jump (true). */
  onFollow(follow: boolean): void;
  /** Rows that arrived since the user scrolled up. */
  newRows: number;
  /** "Explain signing" on a row with a signature or timestamp error. */
  onExplainSigning?(id: number): void;
  /** Requests and replies, for the rows' pair badges and inline "reply to #41". */
  pairs?: PairingView;
  /** Scroll this row into view (a jump from the details pane); `at` tells jumps apart. */
  reveal?: { id: number; at: number } | undefined;
}

interface Anchor {
  id: number;
  within: number;
}

export function TrafficList(props: TrafficListProps) {
  const { rows, selectedId, onSelect, onKeyDown, follow, onFollow, newRows } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT);
  const anchor = useRef<Anchor | undefined>(undefined);

  const offsets = useMemo(() => rowOffsets(rows), [rows]);
  const total = offsets[rows.length] ?? 0;
  const top = follow ? Math.max(0, total - viewport) : Math.min(scrollTop, total);
  const [start, last] = visibleRange(offsets, top, viewport);
  const end = Math.min(last, start + SLOTS);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setViewport(element.clientHeight || DEFAULT_VIEWPORT);
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Following: stick to the bottom. Not following: keep the row under the user's eyes in place
  // when the rows change above it (a filter, a clear).
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (follow) {
      element.scrollTop = total;
      return;
    }
    const held = anchor.current;
    if (!held) return;
    const index = indexOfId(rows, held.id);
    if (index < 0) return;
    const wanted = (offsets[index] ?? 0) + held.within;
    if (Math.abs(element.scrollTop - wanted) > 1) {
      element.scrollTop = wanted;
      setScrollTop(wanted);
    }
  }, [rows, offsets, total, follow]);

  // A jump to a row: scroll it into the middle of the view and stop following the newest.
  useLayoutEffect(() => {
    const element = ref.current;
    const wanted = props.reveal;
    if (!element || !wanted) return;
    const index = indexOfId(rows, wanted.id);
    if (index < 0) return;
    const position = Math.max(0, (offsets[index] ?? 0) - viewport / 2);
    anchor.current = { id: wanted.id, within: 0 };
    element.scrollTop = position;
    setScrollTop(position);
    if (follow && position + viewport < total - 4) onFollow(false);
  }, [props.reveal]);

  function onScroll(): void {
    const element = ref.current;
    if (!element) return;
    const position = element.scrollTop;
    const atBottom = position + element.clientHeight >= element.scrollHeight - 4;
    if (atBottom !== follow) onFollow(atBottom);
    // While following, the position derives from the rows: storing it would render twice.
    if (!atBottom) setScrollTop(position);
    const index = rowAt(offsets, position);
    const row = rows[index];
    anchor.current = row ? { id: row.id, within: position - (offsets[index] ?? 0) } : undefined;
  }

  function onClick(event: MouseEvent): void {
    const explain = explainTarget(event.target);
    if (explain !== undefined && props.onExplainSigning) {
      props.onExplainSigning(explain);
      return;
    }
    const target = (event.target as Element | null)?.closest?.('[data-row-id]');
    const id = Number(target?.getAttribute('data-row-id'));
    if (Number.isSafeInteger(id) && id > 0) onSelect(id);
  }

  const shown: preact.JSX.Element[] = [];
  for (let i = start; i < end; i++) {
    const row = rows[i] as TrafficRow;
    shown.push(
      <TrafficRowView
        key={i % SLOTS}
        row={row}
        top={offsets[i] ?? 0}
        selected={row.id === selectedId}
        pairs={props.pairs}
      />,
    );
  }

  return (
    <div class="list-frame">
      <div class="list-header" aria-hidden="true">
        <span>Time</span>
        <span>Kind</span>
        <span>Connection</span>
        <span>Size</span>
        <span>Preview</span>
      </div>
      <div
        class="list"
        ref={ref}
        role="listbox"
        tabIndex={0}
        aria-label={`Traffic, ${rows.length} rows`}
        data-testid="traffic-list"
        data-follow={follow ? 'true' : 'false'}
        onScroll={onScroll}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <div class="list-spacer" style={{ height: `${total}px` }}>
          {shown}
        </div>
      </div>
      {newRows > 0 ? (
        <button
          type="button"
          class="jump-latest"
          data-testid="jump-latest"
          onClick={() => onFollow(true)}
        >
          {newRows.toLocaleString('en')} new — jump to latest
        </button>
      ) : null}
    </div>
  );
}

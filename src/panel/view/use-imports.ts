// Panel UI: HAR files imported into the panel, each in a view of its own next to the live one,
// so an import never pushes out what the panel held; the import's progress and outcome.
import { useEffect, useRef, useState } from 'preact/hooks';
import { readHarFile } from '../traffic/har-file.ts';
import type { TrafficSession } from '../traffic/traffic-session.ts';

export interface ImportedView {
  key: number;
  name: string;
  session: TrafficSession;
}

export interface ImportStatus {
  state: 'reading' | 'importing' | 'done' | 'failed';
  text: string;
  /** From choosing the file to its rows shown, for a finished import. */
  ms?: number;
}

export type ViewKey = number | 'live';

const count = (n: number) => n.toLocaleString('en');

export function useImports(live: TrafficSession, now: () => number = () => performance.now()) {
  const [views, setViews] = useState<readonly ImportedView[]>([]);
  const [active, setActive] = useState<ViewKey>('live');
  const [status, setStatus] = useState<ImportStatus | undefined>(undefined);
  const nextKey = useRef(1);
  const held = useRef(views);
  held.current = views;
  useEffect(
    () => () => {
      for (const view of held.current) view.session.dispose();
    },
    [],
  );

  async function importFile(file: File): Promise<void> {
    const started = now();
    setStatus({ state: 'reading', text: `Reading ${file.name}…` });
    const read = await readHarFile(file, file.name);
    if (!read.ok) {
      setStatus({ state: 'failed', text: read.problem });
      return;
    }
    const session = live.forImport();
    const key = nextKey.current++;
    setViews((before) => [...before, { key, name: file.name, session }]);
    setActive(key);
    try {
      const summary = await session.importHar(read.entries, {
        file: file.name,
        onProgress: ({ entries }) =>
          setStatus({
            state: 'importing',
            text: `Importing ${file.name}: ${count(entries)} entries (${Math.round(read.progress() * 100)}%)`,
          }),
      });
      // Rows are shown on the next frame: that is when the user sees them.
      await new Promise<void>((resolve) =>
        typeof requestAnimationFrame === 'function'
          ? requestAnimationFrame(() => resolve())
          : resolve(),
      );
      const ms = Math.round(now() - started);
      const skipped =
        summary.skipped > 0 ? `, ${count(summary.skipped)} entries without a URL skipped` : '';
      const problems = read.problems();
      const more = problems.length > 1 ? ` (and ${count(problems.length - 1)} more)` : '';
      setStatus({
        state: 'done',
        ms,
        text: `Imported ${file.name}: ${count(summary.entries)} entries, ${count(summary.rows)} rows in ${(ms / 1000).toFixed(1)} s${skipped}${problems[0] ? `; ${problems[0]}${more}` : ''}`,
      });
    } catch (error) {
      setStatus({ state: 'failed', text: `${file.name} could not be imported: ${String(error)}` });
    }
  }

  function close(key: number): void {
    const view = views.find((candidate) => candidate.key === key);
    view?.session.dispose();
    setViews((before) => before.filter((candidate) => candidate.key !== key));
    if (active === key) setActive('live');
  }

  const current = views.find((view) => view.key === active)?.session ?? live;
  return { views, active, setActive, status, importFile, close, current };
}

// Panel glue -> storage.session (through an injected writer): the newest errors of the
// inspected tab, for the popup to show on top. Bounded: a storm of errors writes a few entries
// per render, and the same code again only after a pause. The server's message leaves the panel
// here, so it is redacted like an export (OKX's 60012 echoes a login's passphrase).
import { redactText } from '../../core/redact/credentials.ts';
import type { TrafficSession } from '../traffic/traffic-session.ts';

export interface RecentFindingRecord {
  exchange: string;
  code: string;
  observedMessage?: string;
  time: number;
}

const PER_BATCH = 5;
const REPEAT_AFTER_MS = 5_000;

export function sinkRecentFindings(
  session: TrafficSession,
  record: (finding: RecentFindingRecord) => unknown,
  now: () => number = Date.now,
): () => void {
  let lastId = 0;
  const recorded = new Map<string, number>();
  return session.subscribe(() => {
    const { rows } = session.snapshot();
    const picked: RecentFindingRecord[] = [];
    const seen = new Set<string>();
    // Newest first, so a burst records its latest errors.
    for (let i = rows.length - 1; i >= 0 && picked.length < PER_BATCH; i--) {
      const row = rows[i];
      if (!row || row.id <= lastId) break;
      if (row.level !== 'error') continue;
      for (const finding of row.findings) {
        const key = `${finding.exchange}\u0000${finding.code}`;
        if (finding.severity !== 'error' || seen.has(key)) continue;
        seen.add(key);
        if (now() - (recorded.get(key) ?? Number.NEGATIVE_INFINITY) < REPEAT_AFTER_MS) continue;
        recorded.set(key, now());
        picked.push({
          exchange: finding.exchange,
          code: finding.code,
          time: row.time,
          ...(finding.observedMessage !== undefined
            ? { observedMessage: redactText(finding.observedMessage) }
            : {}),
        });
      }
    }
    lastId = rows[rows.length - 1]?.id ?? lastId;
    if (recorded.size > 1_000) recorded.clear();
    // Oldest first, so the newest ends on top of the popup's list.
    for (const finding of picked.reverse()) void record(finding);
  });
}

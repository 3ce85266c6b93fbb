// The last findings of each tab, in storage.session: the panel or hub records them, the popup
// shows them on top. Session storage outlives the service worker but not the browser.
import type { StorageAreaLike } from './extension-api.ts';
import { recentFindingsKey } from './storage-keys.ts';

export const RECENT_FINDINGS_LIMIT = 5;
const MAX_MESSAGE = 300;

export interface RecentFinding {
  exchange: string;
  code: string;
  /** What the server said, capped. */
  message?: string;
  /** Epoch ms when it was seen. */
  time: number;
}

/** A core Finding fits: exchange, code and observedMessage. */
export interface RecentFindingInput {
  exchange: string;
  code: string;
  message?: string;
  observedMessage?: string;
  time?: number;
}

function isRecentFinding(value: unknown): value is RecentFinding {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.exchange === 'string' &&
    typeof v.code === 'string' &&
    (v.message === undefined || typeof v.message === 'string') &&
    typeof v.time === 'number'
  );
}

export async function readRecentFindings(
  session: StorageAreaLike,
  tabId: number,
): Promise<RecentFinding[]> {
  const key = recentFindingsKey(tabId);
  const stored = (await session.get(key).catch(() => ({}) as Record<string, unknown>))[key];
  return Array.isArray(stored)
    ? stored.filter(isRecentFinding).slice(0, RECENT_FINDINGS_LIMIT)
    : [];
}

// Writes to one tab's list are chained so that two findings recorded together both land (each
// write reads the list first). Only the in-flight chain lives here, never the findings.
const pending = new Map<string, Promise<unknown>>();

/** Puts a finding first in the tab's list (moving it up if already there), keeping the last 5. */
export function recordRecentFindingIn(
  session: StorageAreaLike,
  tabId: number,
  input: RecentFindingInput,
  now: number = Date.now(),
): Promise<void> {
  const key = recentFindingsKey(tabId);
  const message = (input.message ?? input.observedMessage)?.slice(0, MAX_MESSAGE);
  const finding: RecentFinding = {
    exchange: input.exchange,
    code: input.code,
    ...(message ? { message } : {}),
    time: input.time ?? now,
  };
  const same = (other: RecentFinding) =>
    other.exchange === finding.exchange &&
    other.code === finding.code &&
    other.message === finding.message;
  const run = async () => {
    const list = await readRecentFindings(session, tabId);
    const next = [finding, ...list.filter((other) => !same(other))];
    await session.set({ [key]: next.slice(0, RECENT_FINDINGS_LIMIT) });
  };
  const chained = (pending.get(key) ?? Promise.resolve()).then(run, run);
  pending.set(key, chained);
  void chained.finally(() => {
    if (pending.get(key) === chained) pending.delete(key);
  });
  return chained;
}

export function clearRecentFindingsIn(session: StorageAreaLike, tabId: number): Promise<void> {
  return session.remove(recentFindingsKey(tabId));
}

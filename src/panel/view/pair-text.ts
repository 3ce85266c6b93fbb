// Pure: the words for a request and its reply: "reply to #41 order.place, 23 ms later",
// "answered by #44 -2010 Account has insufficient balance, 23 ms later", "no reply within 10 s".
import { entryMessage } from '../../core/index.ts';
import { PAIR_TIMEOUT_MS, type PairLink, type RequestState } from '../traffic/pairing-index.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';

export function formatLatency(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** "reply to #41 order.place, 23 ms later"; `short` for the row, the reason in the details. */
export function replyText(link: PairLink, short = false): string {
  const later = `${formatLatency(link.latencyMs)} later`;
  if (!link.inferred) return `reply to #${link.requestId} ${link.label}, ${later}`;
  const why = short
    ? ''
    : ' (the reply names no request: taken as the oldest unanswered one on this socket)';
  return `probably the reply to #${link.requestId} ${link.label}${why}, ${later}`;
}

/** The row's first error in a few words: "-2010 Account has insufficient balance...". */
export function errorGist(row: TrafficRow | undefined): string {
  const finding = row?.findings.find((f) => f.severity === 'error');
  if (!finding) return '';
  const words = finding.entry ? entryMessage(finding.entry) : (finding.observedMessage ?? '');
  return ` ${finding.code}${words ? ` ${words}` : ''}`;
}

export function requestText(
  state: RequestState,
  rowOf: (id: number) => TrafficRow | undefined,
): string[] {
  const lines = state.replies.map(
    (link) =>
      `answered by #${link.replyId}${errorGist(rowOf(link.replyId))}, ${formatLatency(link.latencyMs)} later${link.inferred ? ' (inferred)' : ''}`,
  );
  const missing = state.expected - state.replies.length;
  const of = state.expected > 1 ? ` (${missing} of ${state.expected} replies missing)` : '';
  if (state.state === 'waiting')
    lines.push(`waiting for a reply, ${formatLatency(state.waitedMs)} so far${of}`);
  if (state.state === 'unanswered')
    lines.push(`no reply within ${formatLatency(PAIR_TIMEOUT_MS)}${of}`);
  if (state.state === 'closed') {
    lines.push(`no reply: the socket closed ${formatLatency(state.waitedMs)} later${of}`);
  }
  return lines;
}

/** The short form for the list's preview column. */
export function pairBadge(
  row: TrafficRow,
  link: PairLink | undefined,
  state: RequestState | undefined,
): { text: string; state: string } | undefined {
  if (link)
    return { text: `← #${link.requestId} · ${formatLatency(link.latencyMs)}`, state: 'reply' };
  if (!state || row.kind !== 'send') return undefined;
  const [first] = state.replies;
  if (state.state === 'answered' && first) {
    return { text: `→ #${first.replyId} · ${formatLatency(first.latencyMs)}`, state: 'answered' };
  }
  if (state.state === 'unanswered')
    return { text: `no reply in ${formatLatency(PAIR_TIMEOUT_MS)}`, state: 'unanswered' };
  if (state.state === 'closed') return { text: 'no reply: socket closed', state: 'closed' };
  return undefined;
}

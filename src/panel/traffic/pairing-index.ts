// Pure: which reply answers which request, on each socket, derived from the rows as they
// arrive (rows themselves never change). A reply pairs by the keys message-shape.ts reads (an
// id, an OKX subscription argument, an op); an error that names no request is taken as the
// reply to the oldest unanswered request on its socket and marked inferred. A request without
// a reply is waiting, then unanswered once PAIR_TIMEOUT_MS have passed, or cut off when its
// socket closed first.
import { factsOf } from './row-facts.ts';
import type { TrafficRow } from './traffic-row.ts';

/** How long a request may wait for its reply before the panel calls it unanswered. */
export const PAIR_TIMEOUT_MS = 10_000;
/** Unanswered expectations remembered per socket; a client that never gets replies stops here. */
const MAX_OPEN_PER_SOCKET = 1_000;

export interface PairLink {
  requestId: number;
  replyId: number;
  /** Reply time minus request time. */
  latencyMs: number;
  /** The request's method or op: "order.place", "subscribe books". */
  label: string;
  /** The reply named no request: it was taken as the reply to the oldest unanswered one. */
  inferred: boolean;
}

export type RequestStateName = 'answered' | 'waiting' | 'unanswered' | 'closed';

export interface RequestState {
  state: RequestStateName;
  label: string;
  /** Replies expected (an OKX subscribe of three channels expects three acks). */
  expected: number;
  replies: readonly PairLink[];
  /** How long it waited: until its last reply, the socket's close, or now. */
  waitedMs: number;
}

/** The pairs as of one snapshot: links to rows after it are not seen. */
export interface PairingView {
  requestOf(replyId: number): PairLink | undefined;
  /** Only for rows that are requests. */
  stateOf(requestId: number): RequestState | undefined;
  /** In a pair slower than `thresholdMs`, or a request still without its reply after it. */
  isSlow(rowId: number, thresholdMs: number): boolean;
}

interface RequestRecord {
  id: number;
  time: number;
  label: string;
  expected: number;
  replies: PairLink[];
  closed?: { id: number; time: number };
}

interface Expectation {
  request: RequestRecord;
  keys: readonly string[];
}

interface SocketState {
  byKey: Map<string, Expectation[]>;
  /** Oldest first. */
  open: Expectation[];
}

function socketKey(row: TrafficRow): string {
  return row.socket !== undefined
    ? `${row.doc ?? ''}|${row.frameId ?? ''}|${row.socket}`
    : `${row.source}|${row.url}`;
}

const NO_LINKS: readonly PairLink[] = [];

export class PairingIndex {
  private sockets = new Map<string, SocketState>();
  private requests = new Map<number, RequestRecord>();
  private links = new Map<number, PairLink>();
  /** Requests short of replies, in arrival order, for the next deadline. */
  private waiting: RequestRecord[] = [];

  constructor(private readonly timeoutMs = PAIR_TIMEOUT_MS) {}

  get size(): number {
    return this.requests.size + this.links.size;
  }

  add(rows: readonly TrafficRow[]): void {
    for (const row of rows) this.addRow(row);
  }

  clear(): void {
    this.sockets.clear();
    this.requests.clear();
    this.links.clear();
    this.waiting = [];
  }

  /** Forgets rows the store no longer holds. */
  retain(keep: (id: number) => boolean): void {
    for (const id of this.requests.keys()) if (!keep(id)) this.requests.delete(id);
    for (const id of this.links.keys()) if (!keep(id)) this.links.delete(id);
    this.waiting = this.waiting.filter((record) => this.requests.has(record.id));
  }

  /** When the oldest waiting request becomes unanswered, if any is still waiting at `now`. */
  nextDeadline(now: number): number | undefined {
    while (this.waiting.length > 0) {
      const first = this.waiting[0] as RequestRecord;
      const settled = first.replies.length >= first.expected || first.closed !== undefined;
      if (!settled && first.time + this.timeoutMs > now) return first.time + this.timeoutMs;
      this.waiting.shift();
    }
    return undefined;
  }

  view(upToId: number, asOf: number): PairingView {
    const seen = (link: PairLink) => link.replyId <= upToId;
    const stateOf = (requestId: number): RequestState | undefined => {
      const record = this.requests.get(requestId);
      if (!record || record.id > upToId) return undefined;
      const replies = record.replies.filter(seen);
      const last = replies[replies.length - 1];
      const closed = record.closed && record.closed.id <= upToId ? record.closed : undefined;
      let state: RequestStateName;
      let until = asOf;
      if (replies.length >= record.expected) {
        state = 'answered';
        until = last ? record.time + last.latencyMs : asOf;
      } else if (closed) {
        state = 'closed';
        until = closed.time;
      } else {
        state = asOf - record.time >= this.timeoutMs ? 'unanswered' : 'waiting';
      }
      return {
        state,
        label: record.label,
        expected: record.expected,
        replies: replies.length > 0 ? replies : NO_LINKS,
        waitedMs: Math.max(0, until - record.time),
      };
    };
    return {
      requestOf: (replyId) => {
        const link = this.links.get(replyId);
        return link && link.replyId <= upToId ? link : undefined;
      },
      stateOf,
      isSlow: (rowId, thresholdMs) => {
        const link = this.links.get(rowId);
        if (link && link.replyId <= upToId) return link.latencyMs > thresholdMs;
        const state = stateOf(rowId);
        if (!state) return false;
        if (state.replies.some((reply) => reply.latencyMs > thresholdMs)) return true;
        return state.state !== 'answered' && state.waitedMs > thresholdMs;
      },
    };
  }

  private socket(row: TrafficRow): SocketState {
    const key = socketKey(row);
    let socket = this.sockets.get(key);
    if (!socket) {
      socket = { byKey: new Map(), open: [] };
      this.sockets.set(key, socket);
    }
    return socket;
  }

  private addRow(row: TrafficRow): void {
    if (row.kind === 'close') {
      const key = socketKey(row);
      for (const expectation of this.sockets.get(key)?.open ?? []) {
        expectation.request.closed ??= { id: row.id, time: row.time };
      }
      this.sockets.delete(key);
      return;
    }
    if (row.kind !== 'send' && row.kind !== 'receive') return;
    const { shape } = factsOf(row);
    if (row.kind === 'send' && shape.request) this.addRequest(row, shape.request);
    else if (row.kind === 'receive' && shape.reply) this.addReply(row, shape.reply.keys);
  }

  private addRequest(row: TrafficRow, request: { label: string; expects: string[][] }): void {
    const record: RequestRecord = {
      id: row.id,
      time: row.time,
      label: request.label,
      expected: request.expects.length,
      replies: [],
    };
    this.requests.set(row.id, record);
    this.waiting.push(record);
    const socket = this.socket(row);
    for (const keys of request.expects) {
      const expectation: Expectation = { request: record, keys };
      socket.open.push(expectation);
      for (const key of keys) {
        const list = socket.byKey.get(key);
        if (list) list.push(expectation);
        else socket.byKey.set(key, [expectation]);
      }
    }
    while (socket.open.length > MAX_OPEN_PER_SOCKET)
      this.settle(socket, socket.open[0] as Expectation);
  }

  private addReply(row: TrafficRow, keys: readonly string[]): void {
    const socket = this.sockets.get(socketKey(row));
    if (!socket) return;
    let found: Expectation | undefined;
    for (const key of keys) {
      found = socket.byKey.get(key)?.[0];
      if (found) break;
    }
    // An error that names no request answers the oldest one still open.
    const inferred = !found && keys.length === 0;
    if (inferred) found = socket.open[0];
    if (!found) return;
    this.settle(socket, found);
    const link: PairLink = {
      requestId: found.request.id,
      replyId: row.id,
      latencyMs: Math.max(0, row.time - found.request.time),
      label: found.request.label,
      inferred,
    };
    found.request.replies.push(link);
    this.links.set(row.id, link);
  }

  private settle(socket: SocketState, expectation: Expectation): void {
    const at = socket.open.indexOf(expectation);
    if (at >= 0) socket.open.splice(at, 1);
    for (const key of expectation.keys) {
      const list = socket.byKey.get(key);
      if (!list) continue;
      const index = list.indexOf(expectation);
      if (index >= 0) list.splice(index, 1);
      if (list.length === 0) socket.byKey.delete(key);
    }
  }
}

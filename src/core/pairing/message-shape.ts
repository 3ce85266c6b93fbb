// Pure: what a WebSocket text frame is, read once when it arrives: its operation and channel
// (for filters) and, for requests and replies, the keys that pair a reply with the request it
// answers. The documented shapes:
//   Binance / gateway WS API  {"id","method","params"}   -> {"id","status","result"|"error"}
//   Binance streams           {"method":"SUBSCRIBE","id"} -> {"result":null,"id"}
//   OKX order ops             {"id","op":"order","args"}  -> {"id","op","code","data"}
//   OKX subscribe             {"op":"subscribe","args":[{channel,...}]} -> {"event":"subscribe","arg"}
//   OKX login                 {"op":"login","args":[..]}  -> {"event":"login","code":"0"}
//   Bybit                     {"reqId"|"req_id","op"}     -> {"reqId"|"req_id","op","retCode"|"success"}
//   JSON-RPC 2.0              {"jsonrpc":"2.0","id"}      -> {"jsonrpc":"2.0","id","result"|"error"}
// Errors that carry no id (OKX {"event":"error"}, a Binance reply to unparsable JSON with
// "id":null) answer no key: they are taken as the reply to the oldest unanswered request on
// the socket, and said to be inferred.
import { field, isObject } from '../json/fields.ts';

export interface MessageShape {
  /** op, method or event: "order", "order.place", "subscribe", "error". */
  op?: string;
  /** channel, stream, topic or ch: "books", "btcusdt@depth", "orderbook.50.BTCUSDT". */
  channel?: string;
  /** A request: one expected reply per entry, each answerable by any of its keys. */
  request?: { label: string; expects: string[][] };
  /** A reply: its keys, most specific first; none for an error that names no request. */
  reply?: { keys: string[] };
}

/** Frames past this size are market data or snapshots: read for op and channel only. */
const MAX_SHAPE_PARSE_CHARS = 16 * 1024;
/** Where op and channel are looked for without parsing. */
const HEAD_CHARS = 512;
const HEAD_FIELDS: readonly [keyof MessageShape, RegExp][] = [
  ['op', /"(?:op|method|event)"\s*:\s*"([^"\\]{1,100})"/],
  ['channel', /"(?:channel|stream|topic|ch)"\s*:\s*"([^"\\]{1,200})"/],
];
/** A received frame is parsed only if it may answer something: a reply key in a small frame,
 * or in the head of a larger one (replies put their id first; market data rarely has one). */
const REPLY_HINT = /"(?:id|reqId|req_id|event|success|jsonrpc|op)"/;
const SMALL_FRAME_CHARS = 2 * 1024;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function idOf(message: unknown): string | undefined {
  for (const name of ['id', 'reqId', 'req_id']) {
    const value = field(message, name);
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
      return `id:${value}`;
    }
  }
  return undefined;
}

/** An OKX subscription argument as a key: the same on the request and on its ack. */
function argKey(op: string, arg: unknown): string | undefined {
  if (!isObject(arg)) return undefined;
  const parts = Object.keys(arg)
    .sort()
    .map((key) => `${key}=${String(arg[key])}`);
  return `okx:${op}:${parts.join(',')}`;
}

function firstArg(message: unknown): unknown {
  const args = field(message, 'args') ?? field(message, 'params');
  return Array.isArray(args) ? args[0] : undefined;
}

function channelOf(message: unknown): string | undefined {
  const first = firstArg(message);
  return (
    text(field(field(message, 'arg'), 'channel')) ??
    text(field(first, 'channel')) ??
    text(field(message, 'stream')) ??
    text(field(message, 'topic')) ??
    text(field(message, 'ch')) ??
    text(field(message, 'channel')) ??
    text(first)
  );
}

function requestOf(message: unknown, op: string | undefined): MessageShape['request'] {
  const id = idOf(message);
  const label = op ?? 'request';
  const args = field(message, 'args');
  if ((op === 'subscribe' || op === 'unsubscribe') && Array.isArray(args) && isObject(args[0])) {
    // OKX acks each argument of a subscribe on its own.
    const expects = args.map((arg) => {
      const key = argKey(op, arg);
      return [...(id ? [id] : []), ...(key ? [key] : [])];
    });
    const channel = channelOf(message);
    return { label: channel ? `${op} ${channel}` : op, expects };
  }
  if (id) return { label, expects: [[id]] };
  if (op) return { label, expects: [[`op:${op}`]] };
  return undefined;
}

function replyOf(message: Record<string, unknown>): MessageShape['reply'] {
  const keys: string[] = [];
  const id = idOf(message);
  if (id) keys.push(id);
  const event = text(message.event);
  if ((event === 'subscribe' || event === 'unsubscribe') && isObject(message.arg)) {
    const key = argKey(event, message.arg);
    if (key) keys.push(key);
  }
  if (event === 'login') keys.push('op:login');
  const op = text(message.op);
  if (op) keys.push(`op:${op}`);
  if (keys.length > 0) return { keys };
  const namesNoRequest =
    event === 'error' ||
    message.success === false ||
    (Object.hasOwn(message, 'id') && message.id === null && message.error !== undefined);
  return namesNoRequest ? { keys: [] } : undefined;
}

function headFields(frame: string): MessageShape {
  const head = frame.slice(0, HEAD_CHARS);
  const shape: MessageShape = {};
  for (const [name, pattern] of HEAD_FIELDS) {
    const found = pattern.exec(head)?.[1];
    if (found !== undefined) (shape as Record<string, string>)[name] = found;
  }
  return shape;
}

/** Whether the first character after any JSON whitespace is `{`, read in place: trimStart()
 * would copy a 256 K frame that starts otherwise just to look at one character. */
function startsWithObject(frame: string): boolean {
  for (let i = 0; i < frame.length; i++) {
    const code = frame.charCodeAt(i);
    if (code === 0x7b /* { */) return true;
    // Space, tab, line feed, carriage return: the whitespace JSON allows before a value.
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
  }
  return false;
}

/** The shape of one text frame; `{}` for anything that says nothing (market data, "pong"). */
export function messageShape(direction: 'send' | 'receive', frame: string): MessageShape {
  if (!startsWithObject(frame)) return {};
  const shape = headFields(frame);
  if (frame.length > MAX_SHAPE_PARSE_CHARS) return shape;
  if (direction === 'receive') {
    const hinted = frame.length <= SMALL_FRAME_CHARS ? frame : frame.slice(0, HEAD_CHARS);
    if (!REPLY_HINT.test(hinted)) return shape;
  }
  let message: unknown;
  try {
    message = JSON.parse(frame);
  } catch {
    return shape;
  }
  if (!isObject(message)) return shape;
  const op = text(message.op) ?? text(message.method) ?? text(message.event);
  const channel = channelOf(message);
  if (op) shape.op = op;
  if (channel) shape.channel = channel;
  if (direction === 'send') {
    const request = requestOf(message, op);
    if (request) shape.request = request;
  } else {
    const reply = replyOf(message);
    if (reply) shape.reply = reply;
  }
  return shape;
}

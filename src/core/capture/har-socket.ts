// Pure: the WebSocket side of a HAR entry: Chromium's `_webSocketMessages` (mitmproxy writes
// them too) and the fields our export adds, the open and the close frame and who saw the socket.
// Read through har-entry.ts, which re-exports all of it.
import { base64Bytes } from '../bytes/base64.ts';
import { field, numberField, stringField } from '../json/fields.ts';
import { HAR_FIELDS } from './har-fields.ts';

/** One message of Chromium's non-standard `_webSocketMessages`. */
export interface HarSocketMessage {
  type: 'send' | 'receive' | 'error';
  /** Epoch ms (Chromium writes seconds, which are converted). */
  time: number | undefined;
  /** 1 text, 2 binary (data is base64), others control frames. */
  opcode: number | undefined;
  data: string;
  /** Ours: the payload was cut at capture, and its full size. */
  truncated?: boolean;
  size?: number;
}

/** Chromium logs message times in seconds since the epoch; others write milliseconds. */
function epochMs(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  return value < 1e11 ? Math.round(value * 1000) : value;
}

/** One logged message, or undefined for anything that is not one. */
export function socketMessageOf(raw: unknown): HarSocketMessage | undefined {
  const type = field(raw, 'type');
  if (type !== 'send' && type !== 'receive' && type !== 'error') return undefined;
  const message: HarSocketMessage = {
    type,
    time: epochMs(numberField(raw, 'time')),
    opcode: numberField(raw, 'opcode'),
    data: stringField(raw, 'data') ?? '',
  };
  if (field(raw, HAR_FIELDS.truncated) === true) message.truncated = true;
  const size = numberField(raw, HAR_FIELDS.size);
  if (size !== undefined && size >= 0) message.size = size;
  return message;
}

/** The entry's logged messages, each with its index in the list as the file has it. */
export function* harSocketMessages(entry: unknown): Generator<[number, HarSocketMessage]> {
  const list = field(entry, HAR_FIELDS.messages);
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const message = socketMessageOf(list[i]);
    if (message) yield [i, message];
  }
}

/** A text or binary message's payload for detection (binary read up to maxBytes). */
export function socketMessageData(
  message: HarSocketMessage,
  maxBytes = Number.POSITIVE_INFINITY,
): string | Uint8Array | undefined {
  if (message.opcode === 1) return message.data;
  if (message.opcode === 2) return base64Bytes(message.data, maxBytes);
  return undefined;
}

/** Who saw a socket, as our export records it; undefined in other tools' HAR files. */
export type HarCaptureSource = 'wrapper' | 'devtools';

export function harCaptureSource(entry: unknown): HarCaptureSource | undefined {
  const source = field(entry, HAR_FIELDS.source);
  return source === 'wrapper' || source === 'devtools' ? source : undefined;
}

/** The socket's number, document and frame as the wrapper numbered them (our export). */
export function harSocketOrigin(entry: unknown): {
  socket?: number;
  document?: string;
  frameId?: number;
  listNumber?: number;
  frameUrl?: string;
} {
  const whole = (name: string) => {
    const value = numberField(entry, name);
    return value !== undefined && Number.isSafeInteger(value) ? value : undefined;
  };
  const socket = whole(HAR_FIELDS.socket);
  const document = stringField(entry, HAR_FIELDS.document);
  const frameId = whole(HAR_FIELDS.frameId);
  const listNumber = whole(HAR_FIELDS.listNumber);
  const frameUrl = stringField(entry, HAR_FIELDS.frameUrl);
  return {
    ...(socket !== undefined ? { socket } : {}),
    ...(document !== undefined ? { document } : {}),
    ...(frameId !== undefined ? { frameId } : {}),
    ...(listNumber !== undefined ? { listNumber } : {}),
    ...(frameUrl !== undefined ? { frameUrl } : {}),
  };
}

export interface HarSocketOpen {
  /** Epoch ms. */
  time: number | undefined;
  protocol?: string;
}

/** The open the wrapper saw (our export), when the file records it. */
export function harSocketOpen(entry: unknown): HarSocketOpen | undefined {
  const open = field(entry, HAR_FIELDS.open);
  if (typeof open !== 'object' || open === null) return undefined;
  const protocol = stringField(open, 'protocol');
  return { time: epochMs(numberField(open, 'time')), ...(protocol ? { protocol } : {}) };
}

export interface HarSocketClose {
  /** Epoch ms. */
  time: number | undefined;
  code: number;
  reason: string;
  wasClean?: boolean;
}

/** The close frame the page saw (our export): code, reason, wasClean. Chromium never has it. */
export function harSocketClose(entry: unknown): HarSocketClose | undefined {
  const close = field(entry, HAR_FIELDS.close);
  const code = numberField(close, 'code');
  if (code === undefined || !Number.isInteger(code)) return undefined;
  const wasClean = field(close, 'wasClean');
  return {
    time: epochMs(numberField(close, 'time')),
    code,
    reason: stringField(close, 'reason') ?? '',
    ...(typeof wasClean === 'boolean' ? { wasClean } : {}),
  };
}

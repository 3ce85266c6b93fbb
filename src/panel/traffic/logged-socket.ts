// Pure: a WebSocket as DevTools' network log reports it (a HAR entry with Chromium's
// `_webSocketMessages`), copied down to what the panel keeps while it waits to learn whether the
// page's wrapper reported the same socket: the URL, the start, and each message cut to the
// page's per-frame cap. The entry itself, with every payload whole, is let go at once.
import {
  type HarSocketMessage,
  harSocketMessages,
  harStartedAt,
  harUrl,
} from '../../core/capture/har-entry.ts';
import { keptBase64, keptText } from './kept-payload.ts';

export interface KeptSocketMessage extends HarSocketMessage {
  /** Bytes (binary) or UTF-16 units (text) before the cut. */
  size: number;
  truncated: boolean;
}

export interface LoggedSocket {
  url: string;
  /** Epoch ms the socket's request started, when the entry says. */
  started: number | undefined;
  messages: KeptSocketMessage[];
}

function keptMessage(message: HarSocketMessage): KeptSocketMessage {
  if (message.opcode === 2) {
    const { binary, size, truncated } = keptBase64(message.data);
    return { ...message, data: binary, size, truncated };
  }
  const { text, size, truncated } = keptText(message.data);
  return { ...message, data: text, size, truncated };
}

export function loggedSocket(entry: unknown): LoggedSocket | undefined {
  const url = harUrl(entry);
  if (url === undefined) return undefined;
  return { url, started: harStartedAt(entry), messages: [...keptMessages(entry)] };
}

/** The entry's messages, each cut to the cap as it is read (an import takes them one by one). */
export function* keptMessages(entry: unknown): Generator<KeptSocketMessage> {
  for (const [, message] of harSocketMessages(entry)) yield keptMessage(message);
}

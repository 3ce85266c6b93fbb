// Pure: the names of the HAR fields of our own, shared by the reader (har-entry.ts) and the
// panel's export, so the two cannot drift apart.

/**
 * Fields the panel's export writes that Chromium's HAR lacks (underscore-prefixed, as HAR 1.2
 * asks of custom fields; documented in the README). The export and this reader share the names.
 */
export const HAR_FIELDS = {
  /** Chromium's own: the messages of a WebSocket entry. */
  messages: '_webSocketMessages',
  /** Entry: {time, protocol?}: the wrapper saw the socket open. */
  open: '_webSocketOpen',
  /** Entry: {time, code, reason, wasClean?, _findings?}: the close frame the page saw. */
  close: '_webSocketClose',
  /** Entry: 'wrapper' (the page's WebSocket wrapper) or 'devtools' (DevTools' network log). */
  source: '_source',
  /** Entry: the socket's number within its document, and that document and frame. */
  socket: '_socket',
  document: '_document',
  frameId: '_frameId',
  /** Entry: the number the panel listed the socket under ("#2"), and its frame's URL. */
  listNumber: '_listNumber',
  frameUrl: '_frameUrl',
  /** Entry, message or close: [{exchange, code, entry, severity}] as the panel explained it. */
  findings: '_findings',
  /** Message: the payload was cut at capture; `_size` is its full size. */
  truncated: '_truncated',
  size: '_size',
} as const;

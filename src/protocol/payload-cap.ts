// The per-frame payload cap both ends of capture share: the page's wrapper cuts each frame to
// it before anything crosses a process, and the panel cuts what DevTools hands it (logged
// WebSocket messages, HTTP bodies) to the same size, so a 50 MB frame costs the panel the same
// whichever source saw it. Exchange errors are under 1 KB and order-book snapshots tens of KB:
// 256 K keeps them whole, and stays well under FRAME_LIMITS.maxPayloadChars, which the relay
// enforces on what a page claims.
export const PAYLOAD_CAP = {
  /** Text kept per frame or body, in UTF-16 units. */
  chars: 256 * 1024,
  /** Binary bytes kept per frame or body (base64 makes 342 K characters of them). */
  bytes: 256 * 1024,
} as const;

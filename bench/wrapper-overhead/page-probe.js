// Bench page script (runs in the browser, plain JS so no build step can add helpers to it): the
// hot paths of the WebSocket wrapper, timed by the page itself. WS_ORIGIN, OPS, BINARY_OPS and
// BINARY_BYTES are replaced by the bench. Defines window.__wrapperProbe(path), which runs one
// path once and resolves to its wall time in ms; the bench reads the main thread's busy time
// around each call.
(function wrapperProbe(wsOrigin, ops, binaryOps, binaryBytes) {
  const TEXT = '{"op":"order","args":[{"instId":"BTC-USDT","side":"buy","px":"1","sz":"1"}]}';
  const once = (ws, type) =>
    new Promise((resolve) => ws.addEventListener(type, resolve, { once: true }));

  async function send(closed) {
    const ws = new WebSocket(`${wsOrigin}/sink`);
    await once(ws, 'open');
    if (closed) {
      ws.close();
      await once(ws, 'close');
    }
    const started = performance.now();
    for (let i = 0; i < ops; i += 1) ws.send(TEXT);
    const ms = performance.now() - started;
    if (!closed) {
      ws.close();
      await once(ws, 'close');
    }
    return ms;
  }

  // The server sends the frames at once; the page's own listener sees them one by one, after
  // the wrapper's (which runs first: it was added at construction). From the first frame to the
  // last. The page reads the last Blob's bytes, as a page would, before it stops the clock.
  async function receive(binaryType) {
    const count = binaryType ? binaryOps : ops;
    const query = binaryType ? `n=${count}&bytes=${binaryBytes}` : `n=${count}`;
    const ws = new WebSocket(`${wsOrigin}/burst?${query}`);
    if (binaryType) ws.binaryType = binaryType;
    // Listened for now: reading the last Blob may take until after the close.
    const closed = once(ws, 'close');
    let received = 0;
    let first = 0;
    const ms = await new Promise((resolve) => {
      ws.addEventListener('message', (event) => {
        if (received === 0) first = performance.now();
        received += 1;
        if (received < count) return;
        const last = event.data;
        if (last instanceof Blob) last.arrayBuffer().then(() => resolve(performance.now() - first));
        else resolve(performance.now() - first);
      });
    });
    await closed;
    return ms;
  }

  const paths = {
    send: () => send(false),
    sendAfterClose: () => send(true),
    receive: () => receive(undefined),
    receiveArrayBuffer: () => receive('arraybuffer'),
    receiveBlob: () => receive('blob'),
  };
  window.__wrapperProbe = (path) => paths[path]();
})(WS_ORIGIN, OPS, BINARY_OPS, BINARY_BYTES);

// Bench page script (runs in the browser, plain JS so no build step can add helpers to it): the
// three hot paths of the WebSocket wrapper, timed by the page itself. WS_ORIGIN, OPS and ROUNDS
// are replaced by the bench. Resolves to { send, sendAfterClose, receive }: arrays of ms per
// round, after one warm-up round that is left out.
(async function wrapperProbe(wsOrigin, ops, rounds) {
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

  // The server sends `ops` frames at once; the page's own listener sees them one by one, after
  // the wrapper's (which runs first: it was added at construction).
  async function receive() {
    const ws = new WebSocket(`${wsOrigin}/burst?n=${ops}`);
    let count = 0;
    let first = 0;
    const ms = await new Promise((resolve) => {
      ws.addEventListener('message', () => {
        if (count === 0) first = performance.now();
        count += 1;
        if (count === ops) resolve(performance.now() - first);
      });
    });
    await once(ws, 'close');
    return ms;
  }

  const results = { send: [], sendAfterClose: [], receive: [] };
  for (let round = 0; round <= rounds; round += 1) {
    const figures = {
      send: await send(false),
      sendAfterClose: await send(true),
      receive: await receive(),
    };
    if (round === 0) continue;
    for (const key of Object.keys(figures)) results[key].push(figures[key]);
  }
  return results;
})(WS_ORIGIN, OPS, ROUNDS);

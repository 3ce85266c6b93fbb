// Test page script (runs in the browser, after harness.js): events the page dispatches on its
// own sockets, send() after close, and a socket that never connects.
(function hostileUntrustedEvents(h) {
  const { config, O, FORGED_ERROR, quietly } = h;

  async function untrustedEvents() {
    const ws = new WebSocket(`${config.wsOrigin}/echo?m=hostile-s2`);
    await new Promise((resolve) => O.add(ws, 'open', resolve));
    const echoed = new Promise((resolve) => O.add(ws, 'message', resolve));
    ws.send('hostile-s2-hello');
    await echoed;
    quietly(() => {
      ws.dispatchEvent(new MessageEvent('message', { data: FORGED_ERROR }));
      ws.dispatchEvent(new CloseEvent('close', { code: 4001, reason: 'forged', wasClean: true }));
      ws.dispatchEvent(new Event('error'));
      ws.dispatchEvent(new Event('open'));
    });
    const closed = new Promise((resolve) => O.add(ws, 'close', resolve));
    ws.close(4000, 'hostile-s2-bye');
    await closed;
    ws.send('hostile-s2-after-close');
    // A socket that never connects.
    const never = new WebSocket(`${config.refusedUrl}?m=hostile-s3`);
    quietly(() => never.dispatchEvent(new MessageEvent('message', { data: FORGED_ERROR })));
    await new Promise((resolve) => O.add(never, 'close', resolve));
  }

  h.untrustedEvents = untrustedEvents;
})(window.__hostile);

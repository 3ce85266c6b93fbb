// Test page script (runs in the browser, after harness.js): binary frames from before the panel
// opened, which the page's history keeps and replays when it opens. The page rewrites the buffer
// it sent and hands the buffer it received to another context (which detaches it), as decoders
// that move work off the main thread do; a Blob arrives too. The panel must list the bytes the
// network carried.
(function hostileBinaryHistory(h) {
  const { config, O, put, report } = h;

  async function binaryHistory() {
    const ws = new WebSocket(`${config.wsOrigin}/echo?m=hostile-s7`);
    const once = (type) => new Promise((resolve) => O.add(ws, type, resolve, { once: true }));
    await once('open');
    ws.binaryType = 'arraybuffer';
    const sent = new Uint8Array([4, 5, 6]);
    let echoed = once('message');
    ws.send(sent);
    sent.fill(0xee);
    const received = (await echoed).data;
    const channel = new MessageChannel();
    channel.port1.postMessage(received, [received]);
    channel.port1.close();
    if (received.byteLength !== 0) put(report.notes, 'the received buffer was not detached');
    ws.binaryType = 'blob';
    echoed = once('message');
    ws.send(new Uint8Array([10, 11, 12]));
    await echoed;
    const closed = once('close');
    ws.close(4000, 'hostile-s7-bye');
    await closed;
  }

  h.binaryHistory = binaryHistory;
})(window.__hostile);

// Test page script (runs in the browser, after harness.js): a child document reached before its
// document_start, a same-origin iframe whose body comes late. Only listening (and then forging
// with what that gave).
(function hostileChildRace(h) {
  const { O, put, sleep, report, pageNodes, eavesdrop } = h;

  async function raceChild() {
    const frame = document.createElement('iframe');
    pageNodes.add(frame);
    document.body.append(frame);
    const first = frame.contentDocument;
    frame.src = '/child';
    const doc = await new Promise((resolve) => {
      const channel = new MessageChannel();
      let tries = 0;
      channel.port1.onmessage = () => {
        const current = frame.contentDocument;
        if (current && current !== first) resolve(current);
        else if (tries++ < 2_000_000) channel.port2.postMessage(0);
        else resolve(undefined);
      };
      channel.port2.postMessage(0);
    });
    if (!doc || doc.documentElement) put(report.notes, 'the child document was not caught early');
    if (doc) {
      eavesdrop(doc, 'child document');
      eavesdrop(frame.contentWindow, 'child window');
    }
    await new Promise((resolve) => O.add(frame, 'load', resolve));
    // The child's own socket (/say) is done when it says so.
    for (let i = 0; i < 100 && !frame.contentWindow.__childDone; i += 1) await sleep(50);
  }

  h.raceChild = raceChild;
})(window.__hostile);

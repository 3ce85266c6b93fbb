// Test page script (runs in the browser, after harness.js): forges what the wrapper and the relay
// say, as the wrapper (its own element and shadow root), as the relay, on every channel it
// learned, in the old and the new message formats.
(function hostileForge(h) {
  const { O, GUESSED_TYPES, OKX, FORGED_ERROR, leak, text, captured, ownEvents, quietly } = h;
  const forgedFrames = (seq) => [
    { seq, time: Date.now(), socket: 1, url: OKX, kind: 'receive', text: FORGED_ERROR },
    {
      seq: seq + 1,
      time: Date.now(),
      socket: 1,
      url: OKX,
      kind: 'close',
      code: 4001,
      reason: 'forged',
      wasClean: true,
    },
  ];
  const batch = (frames, doc) =>
    O.stringify({
      source: 'exchange-lens/page',
      v: 1,
      type: 'frames',
      doc,
      replay: false,
      dropped: 0,
      frames,
    });
  const myHost = document.createElement('span');
  const myRoot = myHost.attachShadow({ mode: 'closed' });
  for (const type of GUESSED_TYPES) {
    O.add(myRoot, type, (event) => {
      if (!ownEvents.has(event))
        leak(`the relay talked to the page's own root: ${type} ${text(event.detail)}`);
    });
  }
  function forge(round) {
    quietly(() => {
      // Pose as the wrapper: announce an element of ours, in both formats.
      O.dispatch(
        document,
        new MouseEvent('exchange-lens:page-to-relay', { relatedTarget: myHost }),
      );
      O.dispatch(
        document,
        new CustomEvent('exchange-lens:page-to-relay', {
          detail: O.stringify({ source: 'exchange-lens/page', v: 1, type: 'ready' }),
        }),
      );
      // Pose as the relay: ask the wrapper to announce itself; offer an old-style channel.
      O.dispatch(document, new CustomEvent('exchange-lens:relay-to-page'));
      const mine = 'ab'.repeat(16);
      O.dispatch(
        document,
        new CustomEvent('exchange-lens:relay-to-page', {
          detail: O.stringify({
            source: 'exchange-lens/relay',
            v: 1,
            type: 'handshake',
            channel: mine,
          }),
        }),
      );
      O.add(document, `exchange-lens:page-to-relay:${mine}`, (event) => {
        if (!ownEvents.has(event))
          leak(`the wrapper took the page's channel: ${text(event.detail)}`);
      });
      O.dispatch(
        document,
        new CustomEvent(`exchange-lens:relay-to-page:${mine}`, {
          detail: O.stringify({
            source: 'exchange-lens/relay',
            v: 1,
            type: 'live',
            live: true,
            replay: true,
          }),
        }),
      );
      // Frames, everywhere a relay might listen.
      for (const target of [myRoot, document, window, ...captured.nodes]) {
        for (const type of GUESSED_TYPES) {
          O.dispatch(
            target,
            new CustomEvent(type, { detail: batch(forgedFrames(1_000 + round), 'forged') }),
          );
        }
      }
      // On every old-style channel learned: made-up document ids (300 of them, which pushed the
      // panel's de-duplication state of real documents out) and a seq near 2^53.
      for (const { doc, channel } of captured.channels) {
        const type = `exchange-lens:page-to-relay:${channel}`;
        for (let i = 0; i < 300; i += 1) {
          O.dispatch(
            doc,
            new CustomEvent(type, { detail: batch(forgedFrames(10 + round), `made-up-${i}`) }),
          );
        }
        O.dispatch(
          doc,
          new CustomEvent(type, { detail: batch(forgedFrames(2 ** 53 - 10), 'made-up-big') }),
        );
      }
    });
  }

  h.forge = forge;
})(window.__hostile);

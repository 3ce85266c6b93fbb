// Test page script (runs in the browser, after harness.js): eavesdrops on every guessable event
// on window and document, any DOM mutation and every event API call, and records in the report
// anything of the extension's link it could read.
(function hostileEavesdrop(h) {
  const { O, GUESSED_TYPES, leak, saw, text, captured, ownEvents, pageNodes, harness } = h;
  // ---- 1. Eavesdropping: every guessable event on window and document, any DOM mutation,
  // ---- every event API call.
  function eavesdrop(target, where) {
    for (const type of GUESSED_TYPES) {
      for (const capture of [true, false]) {
        O.add(
          target,
          type,
          (event) => {
            if (ownEvents.has(event)) return;
            const detail = event.detail;
            saw(
              `${where} ${type} detail=${text(detail)} related=${event.relatedTarget ? event.relatedTarget.nodeName : '-'}`,
            );
            if (typeof detail === 'string' && O.includes(detail, '"channel"')) {
              leak(`${where}: handshake readable: ${text(detail)}`);
              const channel = O.parse(detail).channel;
              const doc = target.document ?? target;
              O.push(captured.channels, { doc, channel });
              O.add(doc, `exchange-lens:page-to-relay:${channel}`, (batch) => {
                if (!ownEvents.has(batch)) leak(`${where}: batch read: ${text(batch.detail)}`);
              });
            }
            if (typeof detail === 'string' && O.includes(detail, '"frames"')) {
              leak(`${where}: batch read: ${text(detail)}`);
            }
            const node = event.relatedTarget;
            if (node && !captured.nodes.includes(node)) {
              O.push(captured.nodes, node);
              for (const inner of [node, node.shadowRoot].filter(Boolean)) {
                for (const innerType of GUESSED_TYPES) {
                  O.add(inner, innerType, (e) => {
                    if (!ownEvents.has(e))
                      leak(
                        `${where}: traffic on the handed-over node: ${innerType} ${text(e.detail)}`,
                      );
                  });
                }
              }
              if (node.shadowRoot) leak(`${where}: the handed-over node's shadow root is open`);
            }
          },
          capture,
        );
      }
    }
  }
  eavesdrop(window, 'window');
  eavesdrop(document, 'document');
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!pageNodes.has(node) && node.nodeType === 1 && node.nodeName !== 'SCRIPT')
          leak(`a node the page did not insert appeared: ${node.nodeName}`);
      }
    }
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  });
  for (const name of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
    const original = EventTarget.prototype[name];
    EventTarget.prototype[name] = function spied(type, ...rest) {
      if (typeof type === 'string' && O.includes(type, 'exchange-lens') && !harness.calling)
        leak(`${name}(${type}) seen`);
      if (
        type &&
        typeof type === 'object' &&
        typeof type.type === 'string' &&
        O.includes(type.type, 'exchange-lens') &&
        !harness.calling
      )
        leak(`${name}(${type.type}) seen`);
      return O.apply(original, this, [type, ...rest]);
    };
  }
  for (const name of ['CustomEvent', 'MouseEvent', 'Event']) {
    const Original = window[name];
    window[name] = new Proxy(Original, {
      construct(target, args, newTarget) {
        if (typeof args[0] === 'string' && O.includes(args[0], 'exchange-lens') && !harness.calling)
          leak(`new ${name}(${args[0]}) seen`);
        const event = O.construct(target, args, newTarget);
        if (harness.calling) ownEvents.add(event);
        return event;
      },
    });
  }
  h.eavesdrop = eavesdrop;
  h.observer = observer;
})(window.__hostile);

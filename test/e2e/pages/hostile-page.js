// Test page script (runs in the browser, plain JS so no build step can add helpers to it): a
// hostile page attacking Exchange Lens's capture from page scripts, as any page script could,
// after the wrapper. Loaded with and without the extension; the test compares what the page
// observed and reads the panel. It waits for `window.__go` (the panel is open), then runs every
// attack, and leaves its report in `window.__report` with `window.__done = true`.
// CONFIG is replaced by the test: { wsOrigin, refusedUrl }.
(function hostilePage(config) {
  // ---- Originals, taken before anything is patched; the harness uses only these while the
  // ---- built-ins are patched, so every call a patch counts comes from someone else.
  const uncurry = Function.prototype.call.bind(Function.prototype.bind, Function.prototype.call);
  const O = {
    add: uncurry(EventTarget.prototype.addEventListener),
    remove: uncurry(EventTarget.prototype.removeEventListener),
    dispatch: uncurry(EventTarget.prototype.dispatchEvent),
    setTimeout: window.setTimeout.bind(window),
    defineProperty: Object.defineProperty,
    getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
    getPrototypeOf: Object.getPrototypeOf,
    create: Object.create,
    stringify: JSON.stringify,
    parse: JSON.parse,
    push: uncurry(Array.prototype.push),
    slice: uncurry(String.prototype.slice),
    includes: uncurry(String.prototype.includes),
    apply: Reflect.apply,
    construct: Reflect.construct,
    setPrototypeOf: Object.setPrototypeOf,
    keys: Object.keys,
    WebSocket,
    Blob,
  };
  /** Arrays without a prototype: the page's own writes never reach its patched accessors. */
  const list = () => {
    const out = [];
    O.setPrototypeOf(out, null);
    return out;
  };
  const put = (items, value) => {
    items[items.length] = value;
  };
  const nullProto = (fields) => {
    const out = O.create(null);
    const keys = O.keys(fields);
    for (let i = 0; i < keys.length; i += 1) out[keys[i]] = fields[keys[i]];
    return out;
  };
  const sleep = (ms) => new Promise((resolve) => O.setTimeout(resolve, ms));
  const GUESSED_TYPES = [
    'exchange-lens:page-to-relay',
    'exchange-lens:relay-to-page',
    'exchange-lens:state',
    'exchange-lens:frames',
    'exchange-lens:command',
    'exchange-lens:ping',
    'exchange-lens:ready',
    'exchange-lens:handshake',
    'exchange-lens',
    'frames',
    'message',
    'ping',
    'state',
    'command',
  ];
  const OKX = 'wss://ws.okx.com:8443/ws/v5/private';
  const FORGED_ERROR = '{"event":"error","code":"60009","msg":"forged login failure"}';

  const report = {
    /** Anything of the extension's channel the page could read: must stay empty. */
    leaks: list(),
    /** Events the page saw around the extension's handshake, for the record (first 200). */
    seen: list(),
    /** Uncaught errors and rejections in the page. */
    errors: list(),
    /** Calls into patched built-ins made by someone other than this page, by name. */
    patchCalls: O.create(null),
    /** What Error.prepareStackTrace was handed (V8 only). */
    stacks: { v8: false, extensionSites: 0, receivers: 0, callees: 0, gotHandler: false },
    notes: list(),
  };
  const leak = (what) => put(report.leaks, what);
  const saw = (what) => {
    if (report.seen.length < 200) put(report.seen, what);
  };
  const text = (value) => (typeof value === 'string' ? O.slice(value, 0, 200) : typeof value);

  const watchErrors = () => {
    O.add(window, 'error', (event) => put(report.errors, `error: ${event.message}`));
    O.add(window, 'unhandledrejection', (event) =>
      put(report.errors, `rejection: ${String(event.reason)}`),
    );
  };
  watchErrors();

  // ---- 1. Eavesdropping: every guessable event on window and document, any DOM mutation,
  // ---- every event API call.
  const captured = { channels: [], nodes: [] };
  /** Events this page made itself (while forging): not evidence of anything. */
  const ownEvents = new WeakSet();
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
  const pageNodes = new WeakSet();
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
  const harness = { calling: false };
  /** Runs the page's own attack code without its spies counting it. */
  const quietly = (run) => {
    harness.calling = true;
    try {
      return run();
    } finally {
      harness.calling = false;
    }
  };

  // ---- 2. Forging: as the wrapper (own element and shadow root), as the relay, on every
  // ---- channel it learned, in the old and the new message formats.
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

  // ---- 3. A child document reached before its document_start: a same-origin iframe whose
  // ---- body comes late. Only listening (and then forging with what that gave).
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

  // ---- 4. Events the page dispatches itself, and send() after close.
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

  // ---- 5. Built-ins patched after load, then a socket's whole life under the patches.
  const FORGED_VALUES = {
    text: FORGED_ERROR,
    code: 4001,
    reason: 'forged',
    wasClean: true,
    size: 1,
    binary: 'Zm9yZ2Vk',
    truncated: true,
    protocol: 'forged',
    seq: 9_007_199_254_740_000,
    kind: 'close',
    refused: false,
    url: 'wss://forged.example/',
    socket: 99,
    time: 1,
  };
  const OBSERVED_NAMES = [
    'frame',
    'cost',
    'important',
    'pending',
    'evicted',
    'detail',
    'relatedTarget',
    'bubbles',
    'cancelable',
    'composed',
    'mode',
    'delegatesFocus',
    'toJSON',
    'then',
    'value',
    'writable',
    'enumerable',
    'configurable',
    'get',
    'set',
  ];
  let windowOpen = false;
  const count = (name) => {
    if (windowOpen) report.patchCalls[name] = (report.patchCalls[name] ?? 0) + 1;
  };
  function patchBuiltIns() {
    const undo = list();
    // Descriptors without a prototype: once `get` or `value` are accessors on Object.prototype,
    // an ordinary descriptor object would inherit them.
    const define = (target, key, descriptor) => {
      const before = O.getOwnPropertyDescriptor(target, key);
      O.defineProperty(target, key, nullProto(descriptor));
      put(undo, () => {
        if (before) O.defineProperty(target, key, before);
        else delete target[key];
      });
    };
    const replace = (target, key, label, make) => {
      const original = target[key];
      define(target, key, { value: make(original, label), writable: true, configurable: true });
    };
    const throwing = (original, label) =>
      function patched(...args) {
        count(label);
        if (windowOpen) throw new Error(`patched ${label}`);
        return O.apply(original, this, args);
      };
    // Methods and iterators: each call counted, and it throws while the window is open.
    const arrayMethods = [
      'slice',
      'push',
      'pop',
      'shift',
      'unshift',
      'splice',
      'map',
      'filter',
      'forEach',
      'reduce',
      'concat',
      'join',
      'indexOf',
      'includes',
      'find',
      'some',
      'every',
      'fill',
      'keys',
      'values',
      'entries',
    ];
    for (const name of arrayMethods)
      replace(Array.prototype, name, `Array.prototype.${name}`, throwing);
    replace(Array.prototype, Symbol.iterator, 'Array.prototype[Symbol.iterator]', throwing);
    const arrayIterator = O.getPrototypeOf([][Symbol.iterator]());
    replace(arrayIterator, 'next', '%ArrayIteratorPrototype%.next', throwing);
    for (const name of [
      'slice',
      'substring',
      'indexOf',
      'includes',
      'charCodeAt',
      'split',
      'replace',
      'toString',
      'padStart',
      'trim',
      'startsWith',
    ]) {
      replace(String.prototype, name, `String.prototype.${name}`, throwing);
    }
    replace(Number.prototype, 'toString', 'Number.prototype.toString', throwing);
    for (const name of ['stringify', 'parse']) replace(JSON, name, `JSON.${name}`, throwing);
    for (const name of [
      'defineProperty',
      'create',
      'freeze',
      'getOwnPropertyDescriptor',
      'keys',
      'assign',
      'getPrototypeOf',
      'setPrototypeOf',
    ]) {
      replace(Object, name, `Object.${name}`, throwing);
    }
    for (const name of [
      'apply',
      'construct',
      'defineProperty',
      'getOwnPropertyDescriptor',
      'setPrototypeOf',
    ]) {
      replace(Reflect, name, `Reflect.${name}`, throwing);
    }
    for (const name of ['call', 'apply', 'bind'])
      replace(Function.prototype, name, `Function.prototype.${name}`, throwing);
    replace(Promise.prototype, 'then', 'Promise.prototype.then', throwing);
    define(Promise, Symbol.species, {
      get() {
        count('Promise[Symbol.species]');
        return Promise;
      },
      configurable: true,
    });
    for (const name of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
      replace(EventTarget.prototype, name, `EventTarget.prototype.${name}`, throwing);
    }
    for (const name of ['get', 'set', 'has'])
      replace(WeakMap.prototype, name, `WeakMap.prototype.${name}`, throwing);
    for (const name of ['slice', 'arrayBuffer', 'text'])
      replace(Blob.prototype, name, `Blob.prototype.${name}`, throwing);
    replace(
      FileReader.prototype,
      'readAsArrayBuffer',
      'FileReader.prototype.readAsArrayBuffer',
      throwing,
    );
    replace(Uint8Array.prototype, 'subarray', 'Uint8Array.prototype.subarray', throwing);
    if (Uint8Array.prototype.toBase64)
      replace(Uint8Array.prototype, 'toBase64', 'Uint8Array.prototype.toBase64', throwing);
    for (const name of ['now']) replace(Date, name, `Date.${name}`, throwing);
    for (const name of ['min', 'random']) replace(Math, name, `Math.${name}`, throwing);
    for (const name of ['setTimeout', 'clearTimeout', 'btoa'])
      replace(window, name, `window.${name}`, throwing);
    if (Error.captureStackTrace)
      replace(Error, 'captureStackTrace', 'Error.captureStackTrace', throwing);
    const typedArrayProto = O.getPrototypeOf(Uint8Array.prototype);
    define(typedArrayProto, 'length', {
      get() {
        count('%TypedArray%.prototype.length');
        return 0;
      },
      configurable: true,
    });
    // Accessors on Array.prototype's first indices: reached by reads of holes and by writes
    // past the end of any ordinary array.
    for (let i = 0; i < 4; i += 1) {
      define(Array.prototype, i, {
        get() {
          count(`Array.prototype[${i}] get`);
          return undefined;
        },
        set(_value) {
          count(`Array.prototype[${i}] set`);
          if (windowOpen) throw new Error('patched index');
        },
        configurable: true,
      });
    }
    // Accessors on Object.prototype: forging getters for the fields of a frame, observing ones
    // for the rest; setters throw while the window is open.
    const objectAccessor = (name, forged) =>
      define(Object.prototype, name, {
        get() {
          count(`Object.prototype.${name} get`);
          return forged;
        },
        set(_value) {
          count(`Object.prototype.${name} set`);
          if (windowOpen) throw new Error(`patched ${name}`);
        },
        configurable: true,
      });
    for (const name of OBSERVED_NAMES) objectAccessor(name, undefined);
    const forgedNames = O.keys(FORGED_VALUES);
    for (let i = 0; i < forgedNames.length; i += 1) {
      objectAccessor(forgedNames[i], FORGED_VALUES[forgedNames[i]]);
    }
    // Undone in reverse: Object.prototype's accessors go first, so the rest restores plainly.
    return () => {
      for (let i = undo.length - 1; i >= 0; i -= 1) undo[i]();
    };
  }

  async function underPatches() {
    const blob = new O.Blob([new Uint8Array([7, 8, 9])]);
    const bytes = new Uint8Array([1, 2, 3]);
    const payloads = ['hostile-s4-alpha', '{"code":"-1021","msg":"hostile-s4-order"}', bytes, blob];
    let received = 0;
    let closed = false;
    let resolveStep;
    const step = () =>
      new Promise((resolve) => {
        resolveStep = resolve;
      });
    const restore = patchBuiltIns();
    // From here to restore(): no method of an ordinary array or object, no iterator, no
    // spread, no template literal of an object, only the originals above.
    windowOpen = true;
    try {
      const ws = new O.WebSocket(`${config.wsOrigin}/echo?m=hostile-s4`);
      const opened = step();
      O.add(ws, 'open', () => resolveStep());
      O.add(ws, 'message', () => {
        received += 1;
        resolveStep();
      });
      O.add(ws, 'close', () => {
        closed = true;
        resolveStep();
      });
      await opened;
      for (let i = 0; i < payloads.length; i += 1) {
        const echoed = step();
        ws.send(payloads[i]);
        await echoed;
      }
      const done = step();
      ws.close(4000, 'hostile-s4-closing');
      await done;
      // The live stream flushes within 100 ms; give it time while everything is patched.
      await sleep(400);
    } catch (error) {
      put(report.errors, `harness under patches: ${error?.message}`);
    } finally {
      windowOpen = false;
      restore();
    }
    if (received !== 4 || !closed)
      put(report.notes, `under patches: ${received} echoes, closed ${closed}`);
  }

  // ---- 6. Error.prepareStackTrace on frames of the wrapper (V8): receivers, callees, handlers.
  async function stackAttack() {
    Error.prepareStackTrace = () => 'v8';
    report.stacks.v8 = new Error().stack === 'v8';
    Error.prepareStackTrace = undefined;
    if (!report.stacks.v8) return;
    const receivers = [];
    Error.prepareStackTrace = (_error, sites) => {
      for (const site of sites) {
        const file = String(site.getFileName() ?? '');
        if (file === '' || file.startsWith(location.origin) || file.startsWith('pptr:')) continue;
        report.stacks.extensionSites += 1;
        const self = site.getThis();
        if (self !== undefined) {
          report.stacks.receivers += 1;
          receivers.push(self);
        }
        if (site.getFunction() !== undefined) report.stacks.callees += 1;
      }
      return 'prepared';
    };
    const probe = () => {
      void new Error('probe').stack;
    };
    try {
      const open = new WebSocket({
        toString: () => {
          probe();
          return `${config.wsOrigin}/echo?m=hostile-probe`;
        },
      });
      await new Promise((resolve) => O.add(open, 'open', resolve));
      open.send({
        toString: () => {
          probe();
          return 'hostile-probe';
        },
      });
      open.close();
      try {
        new WebSocket(`${config.wsOrigin}/echo`).send('too early');
      } catch (error) {
        void error.stack;
      }
      try {
        new WebSocket('ws://[bad');
      } catch (error) {
        void error.stack;
      }
      try {
        Function.prototype.toString.call({});
      } catch (error) {
        void error.stack;
      }
    } finally {
      Error.prepareStackTrace = undefined;
    }
    // Whatever was handed over: make it stop capture.
    for (const self of receivers) {
      if (self && typeof self === 'object' && ('construct' in self || 'apply' in self)) {
        report.stacks.gotHandler = true;
        try {
          self.construct = (target, args, newTarget) => O.construct(target, args, newTarget);
          self.apply = (target, thisArg, args) => O.apply(target, thisArg, args);
        } catch {
          put(report.notes, 'a handler was handed over, frozen');
        }
      }
    }
    await say(
      '{"event":"error","code":"60012","msg":"Invalid request: hostile-s5"}',
      4004,
      'hostile-s5',
    );
  }

  function say(message, code, reason) {
    const query = `text=${encodeURIComponent(message)}&code=${code}&reason=${encodeURIComponent(reason)}`;
    const ws = new WebSocket(`${config.wsOrigin}/say?${query}`);
    return new Promise((resolve) => O.add(ws, 'close', resolve));
  }

  // ---- 7. document.open() and write() after load, then a real error.
  async function rewrite() {
    observer.disconnect();
    document.open();
    document.write('<!doctype html><title>rewritten</title><p>rewritten by the page</p>');
    document.close();
    // document.open() erased the listeners on window and document, ours too.
    watchErrors();
    await say('{"code":"-2015","msg":"hostile-s6"}', 4002, 'hostile-s6');
  }

  async function run() {
    await raceChild();
    quietly(() => forge(0));
    window.__ready = true;
    while (!window.__go) await sleep(50);
    forge(1);
    await say(
      '{"event":"error","code":"60012","msg":"Invalid request: hostile-s1"}',
      4004,
      'hostile-s1',
    );
    await untrustedEvents();
    forge(2);
    await underPatches();
    await stackAttack();
    await rewrite();
    forge(3);
    await sleep(300);
  }

  run().then(
    () => {
      window.__report = O.stringify(report);
      window.__done = true;
    },
    (error) => {
      put(report.errors, `harness: ${error?.stack}`);
      window.__report = O.stringify(report);
      window.__done = true;
    },
  );
})(CONFIG);

// Test page script (runs in the browser, after harness.js): dozens of built-ins patched after
// load (forging accessors on Object.prototype and on Array.prototype's indices, throwing
// methods), then a socket's whole life under the patches. Every call into a patch made while
// the socket lives is counted in report.patchCalls.
(function hostilePatches(h) {
  const { config, O, list, put, nullProto, sleep, FORGED_ERROR, report } = h;

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
    'bytes',
    'blob',
    'readStarted',
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
    // The species of typed arrays and buffers: slice() and subarray() read `constructor`.
    const constructorAccessor = (proto, label) => {
      const original = proto.constructor;
      define(proto, 'constructor', {
        get() {
          count(label);
          return original;
        },
        configurable: true,
      });
    };
    constructorAccessor(Uint8Array.prototype, 'Uint8Array.prototype.constructor');
    constructorAccessor(ArrayBuffer.prototype, 'ArrayBuffer.prototype.constructor');
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

  h.underPatches = underPatches;
})(window.__hostile);

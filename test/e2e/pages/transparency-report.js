// Test page script (runs in the browser, plain JS so no build step can add helpers to it):
// everything a page can observe of WebSocket, as one JSON report in <pre id="report">. Loaded
// once with the extension and once without; the two reports must be equal. It adds nothing to
// window itself (one IIFE, no globals). WS_ORIGIN and REFUSED_URL are replaced by the test.
(function transparencyReport(wsOrigin, refusedUrl) {
  const windowBefore = Object.getOwnPropertyNames(window);
  const W = WebSocket;
  const flags = (d) =>
    d && { writable: d.writable, enumerable: d.enumerable, configurable: d.configurable };
  const errorName = (fn) => {
    try {
      fn();
      return 'no exception';
    } catch (error) {
      const e = error;
      return `${e.name}${e instanceof DOMException ? ' (DOMException)' : ''}`;
    }
  };
  const once = (ws, type) =>
    new Promise((resolve) => ws.addEventListener(type, resolve, { once: true }));
  const bytes = (data) => Array.from(new Uint8Array(data));

  async function echoSession() {
    const trace = [];
    const ws = new W(`${wsOrigin}/echo`, ['v2.proto', 'v1.proto']);
    const atStart = {
      readyState: ws.readyState,
      binaryType: ws.binaryType,
      url: ws.url,
      protocol: ws.protocol,
      extensions: ws.extensions,
      bufferedAmount: ws.bufferedAmount,
      keys: Object.keys(ws),
      ownNames: Object.getOwnPropertyNames(ws),
      ownSymbols: Object.getOwnPropertySymbols(ws).length,
      instanceOf: ws instanceof W,
      instanceOfEventTarget: ws instanceof EventTarget,
      constructorIsWebSocket: ws.constructor === W,
      prototype: Object.getPrototypeOf(ws) === W.prototype,
      toStringTag: Object.prototype.toString.call(ws),
      sendWhileConnecting: errorName(() => ws.send('too early')),
    };
    for (const type of ['open', 'message', 'close']) {
      ws.addEventListener(type, () => trace.push(`${type}:A`));
    }
    ws.onopen = () => trace.push('open:on');
    ws.onmessage = () => trace.push('message:on');
    ws.onclose = () => trace.push('close:on');
    for (const type of ['open', 'message', 'close']) {
      ws.addEventListener(type, () => trace.push(`${type}:C`));
    }
    await once(ws, 'open');
    const atOpen = {
      readyState: ws.readyState,
      protocol: ws.protocol,
      extensions: ws.extensions,
      closeCode999: errorName(() => ws.close(999)),
      closeLongReason: errorName(() => ws.close(1000, 'x'.repeat(200))),
      readyStateAfterBadCloses: ws.readyState,
    };
    ws.send('hello');
    const bufferedAfterSend = ws.bufferedAmount;
    const text = await once(ws, 'message');
    ws.send(new Uint8Array([1, 2, 3]));
    const blob = (await once(ws, 'message')).data;
    ws.binaryType = 'arraybuffer';
    ws.send(new Uint16Array([258, 772]).buffer);
    const buffer = (await once(ws, 'message')).data;
    ws.send(new Blob([new Uint8Array([9, 8, 7])]));
    const fromBlob = (await once(ws, 'message')).data;
    ws.send(new DataView(new Uint8Array([5, 6, 7, 8]).buffer, 1, 2));
    const fromView = (await once(ws, 'message')).data;
    ws.close(4000, 'client bye');
    const readyStateAfterClose = ws.readyState;
    const closed = await once(ws, 'close');
    return {
      atStart,
      atOpen,
      bufferedAfterSend,
      text: { data: text.data, type: typeof text.data, origin: text.origin },
      blob: {
        isBlob: blob instanceof Blob,
        size: blob.size,
        bytes: bytes(await blob.arrayBuffer()),
      },
      buffer: { isArrayBuffer: buffer instanceof ArrayBuffer, bytes: bytes(buffer) },
      fromBlob: bytes(fromBlob),
      fromView: bytes(fromView),
      readyStateAfterClose,
      closed: { code: closed.code, reason: closed.reason, wasClean: closed.wasClean },
      readyStateAtEnd: ws.readyState,
      keysAtEnd: Object.keys(ws),
      trace,
    };
  }

  async function serverClose() {
    const ws = new W(`${wsOrigin}/close-4004`);
    const messages = [];
    ws.onmessage = (event) => messages.push(event.data);
    const closed = await once(ws, 'close');
    return { messages, code: closed.code, reason: closed.reason, wasClean: closed.wasClean };
  }

  async function refused() {
    const trace = [];
    const ws = new W(refusedUrl);
    ws.onerror = (event) => trace.push(`error:${event.constructor.name}`);
    const closed = await once(ws, 'close');
    return { trace, code: closed.code, wasClean: closed.wasClean, readyState: ws.readyState };
  }

  async function subclass() {
    class Feed extends W {
      label = 'feed';
    }
    const ws = new Feed(`${wsOrigin}/echo`);
    const result = {
      instanceOfFeed: ws instanceof Feed,
      instanceOfWebSocket: ws instanceof W,
      constructorIsFeed: ws.constructor === Feed,
      keys: Object.keys(ws),
    };
    await once(ws, 'open');
    ws.close();
    await once(ws, 'close');
    return result;
  }

  // What an exception tells about where it came from: its stack, as text, the kind of its
  // `stack` property, and Firefox's fileName/lineNumber/columnNumber.
  const errorStack = Object.getOwnPropertyDescriptor(new Error('probe'), 'stack');
  const whereFrom = (error) => {
    const d = Object.getOwnPropertyDescriptor(error, 'stack');
    return {
      lines: String(error.stack).split('\n'),
      ownNames: Object.getOwnPropertyNames(error).sort(),
      stack: d && {
        kind: d.get ? 'accessor' : 'data',
        sameAccessorAsErrors: Boolean(d.get && errorStack && d.get === errorStack.get),
        enumerable: d.enumerable,
        configurable: d.configurable,
      },
      fileName: error.fileName,
      lineNumber: error.lineNumber,
      columnNumber: error.columnNumber,
    };
  };
  const thrown = (fn) => {
    try {
      fn();
      return 'no exception';
    } catch (error) {
      return whereFrom(error);
    }
  };

  async function stacks() {
    // On a path of their own, so the captured /echo frames stay those of echoSession.
    const connecting = new W(`${wsOrigin}/stacks`);
    const report = {
      sendNoArgument: thrown(() => connecting.send()),
      sendIllegalInvocation: thrown(() => W.prototype.send.call({}, 'x')),
      sendWhileConnecting: thrown(() => connecting.send('too early')),
      constructBadUrl: thrown(() => new W('ws://[bad')),
      constructNoArguments: thrown(() => new W()),
      toStringOfObject: thrown(() => Function.prototype.toString.call({})),
    };
    // Page code the browser runs while the wrapper's trap is on the stack: the URL's toString
    // and the data's toString.
    let seenByUrl = '';
    let seenByData = '';
    const open = new W({
      toString() {
        seenByUrl = new Error('inside').stack;
        return `${wsOrigin}/stacks`;
      },
    });
    await once(open, 'open');
    open.send({
      toString() {
        seenByData = new Error('inside').stack;
        return 'x';
      },
    });
    open.close();
    await once(open, 'close');
    connecting.close();
    report.insideConstruct = seenByUrl.split('\n');
    report.insideSend = seenByData.split('\n');
    return report;
  }

  async function build() {
    const send = Object.getOwnPropertyDescriptor(W.prototype, 'send');
    const report = {
      constructor: {
        type: typeof W,
        name: W.name,
        length: W.length,
        toString: Function.prototype.toString.call(W),
        constants: ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].map((k) => [W[k], W.prototype[k]]),
        ownNames: Object.getOwnPropertyNames(W).sort(),
        protoNames: Object.getOwnPropertyNames(W.prototype).sort(),
        extendsEventTarget: Object.getPrototypeOf(W) === EventTarget,
        protoExtendsEventTarget: Object.getPrototypeOf(W.prototype) === EventTarget.prototype,
        protoConstructor: W.prototype.constructor === W,
        protoConstructorFlags: flags(Object.getOwnPropertyDescriptor(W.prototype, 'constructor')),
        windowFlags: flags(Object.getOwnPropertyDescriptor(window, 'WebSocket')),
        send: { name: send?.value.name, length: send?.value.length, flags: flags(send) },
        sendToString: Function.prototype.toString.call(W.prototype.send),
        stringOf: String(W),
        toStringOfToString: Function.prototype.toString.call(Function.prototype.toString),
        toStringName: Function.prototype.toString.name,
        toStringLength: Function.prototype.toString.length,
        toStringFlags: flags(Object.getOwnPropertyDescriptor(Function.prototype, 'toString')),
        toStringOfObject: errorName(() => Function.prototype.toString.call({})),
        callWithoutNew: errorName(() => W(`${wsOrigin}/echo`)),
        noArguments: errorName(() => new W()),
      },
      badUrls: ['ws://[bad', 'ftp://127.0.0.1/', `${wsOrigin}/echo#fragment`].map((url) =>
        errorName(() => new W(url)),
      ),
      echo: await echoSession(),
      serverClose: await serverClose(),
      refused: await refused(),
      subclass: await subclass(),
      stacks: await stacks(),
      windowAdded: ownWindowNames().filter((name) => !windowBefore.includes(name)),
      windowNames: ownWindowNames().sort(),
    };
    return report;
  }

  // Puppeteer installs its own query bindings on window whenever it likes (a race with the
  // report): they say nothing about the extension.
  function ownWindowNames() {
    return Object.getOwnPropertyNames(window).filter((name) => !/ariaQuerySelector/.test(name));
  }

  build().then(
    (report) => {
      document.getElementById('report').textContent = JSON.stringify(report);
    },
    (error) => {
      document.getElementById('report').textContent = JSON.stringify({ failed: String(error) });
    },
  );
})(WS_ORIGIN, REFUSED_URL);

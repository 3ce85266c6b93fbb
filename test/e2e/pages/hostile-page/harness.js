// Test page script (runs in the browser, plain JS so no build step can add helpers to it): the
// harness of the hostile page, loaded first. It takes the originals of every built-in the page
// later patches, the report, and the helpers the attack scripts share, in window.__hostile
// (the page's own global: it is there with and without the extension alike). Each attack script
// adds its function; main.js runs them. CONFIG is replaced by the test: { wsOrigin, refusedUrl }.
(function hostileHarness(config) {
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

  // ---- Events and nodes of the page's own, and a switch that silences its spies.
  const captured = { channels: [], nodes: [] };
  /** Events this page made itself (while forging): not evidence of anything. */
  const ownEvents = new WeakSet();
  /** Nodes the page inserted itself. */
  const pageNodes = new WeakSet();
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

  /** A socket that receives `message`, then is closed with `code` and `reason`. */
  function say(message, code, reason) {
    const query = `text=${encodeURIComponent(message)}&code=${code}&reason=${encodeURIComponent(reason)}`;
    const ws = new WebSocket(`${config.wsOrigin}/say?${query}`);
    return new Promise((resolve) => O.add(ws, 'close', resolve));
  }

  window.__hostile = {
    config,
    O,
    list,
    put,
    nullProto,
    sleep,
    GUESSED_TYPES,
    OKX,
    FORGED_ERROR,
    report,
    leak,
    saw,
    text,
    watchErrors,
    captured,
    ownEvents,
    pageNodes,
    harness,
    quietly,
    say,
  };
})(CONFIG);

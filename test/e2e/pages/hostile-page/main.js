// Test page script (runs in the browser, loaded last): runs the attacks in order. It waits for
// `window.__go` (the panel is open), then runs every attack, and leaves its report in
// `window.__report` with `window.__done = true`.
(function hostileMain(h) {
  const { O, put, sleep, report, say, watchErrors, observer } = h;
  const { raceChild, forge, quietly, untrustedEvents, underPatches, stackAttack } = h;
  const { binaryHistory } = h;

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
    await binaryHistory();
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
})(window.__hostile);

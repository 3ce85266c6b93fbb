// Test page script (runs in the browser, after harness.js): Error.prepareStackTrace on frames of
// the wrapper (V8): receivers, callees, handlers; whatever it is handed, it tries to make it
// stop capture, then makes a real error.
(function hostileStackAttack(h) {
  const { config, O, put, report, say } = h;

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

  h.stackAttack = stackAttack;
})(window.__hostile);

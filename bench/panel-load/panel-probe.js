// Panel probe (evaluated as source by bench/panel-load.ts inside the Exchange Lens panel's
// frame): measures what a user feels (timer and frame delays, how long a toolbar change takes to
// show in the list) and reads the notices and the error rows. Plain JS so that no bundler or
// TypeScript runner rewrites it: it runs as written, in the panel.
globalThis.__panelProbe = (() => {
  const LIMIT_MS = 10_000;
  /** Every error envelope of the market stream has a "code" field; its data frames have none. */
  const ERROR_TEXT = '"code"';

  const rows = () => [...document.querySelectorAll('[data-testid="row"]')];
  const list = () => document.querySelector('[data-testid="traffic-list"]');
  const isError = (row) => row.getAttribute('data-error') === 'true';
  const hasText = (text) => (row) => (row.textContent ?? '').includes(text);
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

  /** performance.now() when `condition` first holds after a DOM change, or undefined. */
  function until(condition) {
    return new Promise((resolve) => {
      if (condition()) {
        resolve(performance.now());
        return;
      }
      const observer = new MutationObserver(() => {
        if (!condition()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now());
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(undefined);
      }, LIMIT_MS);
    });
  }

  /** ms from the user's action to the list showing it, and to the next frame after that. */
  async function timed(action, condition) {
    const start = performance.now();
    action();
    const shown = await until(condition);
    if (shown === undefined) return { dom: null, paint: null };
    await nextFrame();
    return { dom: shown - start, paint: performance.now() - start };
  }

  function setErrorsOnly(on) {
    const box = document.querySelector('[data-testid="errors-only"]');
    if (box && box.checked !== on) box.click();
  }

  function setFilter(text) {
    const input = document.querySelector('[data-testid="filter"]');
    if (!input) return;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  async function timerDelay() {
    const start = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 0));
    return performance.now() - start;
  }

  async function frameDelay() {
    const start = performance.now();
    await nextFrame();
    return performance.now() - start;
  }

  /** One responsiveness sample: four toolbar changes a user makes, each undone. */
  async function sample() {
    const timer = await timerDelay();
    const frame = await frameDelay();
    const errorsOn = await timed(
      () => setErrorsOnly(true),
      () => rows().every(isError),
    );
    const errorsOff = await timed(
      () => setErrorsOnly(false),
      () => rows().some((row) => !isError(row)),
    );
    const filterOn = await timed(
      () => setFilter(ERROR_TEXT),
      () => rows().every(hasText(ERROR_TEXT)),
    );
    const filterOff = await timed(
      () => setFilter(''),
      () => rows().some((row) => !hasText(ERROR_TEXT)(row)),
    );
    return { timer, frame, errorsOn, errorsOff, filterOn, filterOff };
  }

  const count = (testId) => {
    const text = document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';
    const digits = /^[\d,]+/.exec(text.trim());
    return digits ? Number(digits[0].replaceAll(',', '')) : 0;
  };

  /** What the panel says about itself: rows listed, errors counted, what it dropped. */
  function notices() {
    const label = list()?.getAttribute('aria-label') ?? '';
    const summary = document.querySelector('[data-testid="error-summary"]');
    return {
      listed: Number(/(\d+) rows/.exec(label)?.[1] ?? 0),
      errors: Number(summary?.getAttribute('data-errors') ?? 0),
      droppedPlain: count('dropped-panel'),
      droppedErrors: count('dropped-errors'),
      pageDropped: count('dropped-page'),
      droppedText: document.querySelector('[data-testid="dropped-notice"]')?.textContent ?? '',
    };
  }

  /**
   * The error rows of the sockets whose URL contains `urlPart`, as a user would read them: errors
   * only, the URL in the filter, then the list scrolled from top to bottom (it is virtualised).
   */
  async function errorRows(urlPart) {
    setErrorsOnly(true);
    setFilter(urlPart);
    await nextFrame();
    await nextFrame();
    const element = list();
    const listed = notices().listed;
    const seen = new Map();
    const step = Math.max(100, element.clientHeight);
    for (let top = 0; ; top += step) {
      element.scrollTop = top;
      await nextFrame();
      await nextFrame();
      for (const row of rows()) {
        const preview = row.querySelector('.cell-preview')?.textContent ?? '';
        seen.set(row.getAttribute('data-row-id'), { error: isError(row), preview });
      }
      if (top >= element.scrollHeight - element.clientHeight) break;
    }
    const read = [...seen.values()];
    setErrorsOnly(false);
    setFilter('');
    document.querySelector('[data-testid="jump-latest"]')?.click();
    return {
      listed,
      read: read.length,
      notError: read.filter((row) => !row.error).length,
      seqs: read.map((row) => Number(/#(\d+)/.exec(row.preview)?.[1] ?? Number.NaN)),
    };
  }

  return { sample, notices, errorRows };
})();

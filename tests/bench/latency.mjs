// Input-to-paint timing shared by the Pressline and list.js benchmarks: from a `keydown` or
// `pointerdown` to the first task after the next animation frame once the page's answer is in
// the DOM, so both are timed the same way.

/**
 * Starts timing inputs on `page`: each mutation of the element `selector` (as `observe` options
 * say) after an input records one latency in `window.__latencies`.
 */
export async function watchLatencies(page, selector, observe) {
  await page.evaluate(({ selector, observe }) => {
    window.__latencies = [];
    let start = 0;
    const arm = () => { start = performance.now(); };
    document.addEventListener('keydown', arm, true);
    document.addEventListener('pointerdown', arm, true);
    new MutationObserver(() => {
      const began = start;
      if (!began) return;
      start = 0; // One measurement per input, however many mutations it makes.
      requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - began), 0));
    }).observe(document.querySelector(selector), observe);
  }, { selector, observe });
}

/** Runs `action` (an input) on `page` and returns its time to paint. */
export async function measured(page, action) {
  const before = await page.evaluate(() => window.__latencies.length);
  await action();
  await page.waitForFunction((n) => window.__latencies.length > n, before, { timeout: 60_000 });
  return page.evaluate(() => window.__latencies.at(-1));
}

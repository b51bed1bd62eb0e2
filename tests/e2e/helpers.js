// Helpers shared by the end-to-end specs.

/** The origin of the misbehaving data server (fixture-server.mjs), one port below the app's. */
export const DATA = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8199) - 1}`;

/**
 * Collects page errors, dialogs (a dialog means injected script ran) and, unless
 * `console: false`, console errors — for tests where a failing request is expected and the
 * browser logs it.
 */
export function watchForErrors(page, { console = true } = {}) {
  const errors = [];
  if (console) page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  return errors;
}

/**
 * Puts these attributes on <body> before the app starts, as a deploy's page would have them.
 * (Set from an init script rather than by rewriting the response: Chromium treats a rewritten
 * document as public and then blocks its requests to the loopback data server.)
 */
export async function deployWith(page, attributes) {
  await page.addInitScript((attrs) => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      for (const [name, value] of Object.entries(attrs)) document.body.setAttribute(name, value);
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, attributes);
}

/** Axe violations as readable lines: rule id, impact, help, and each failing node's selector. */
export function describeViolations(violations) {
  return violations
    .map((v) => [
      `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
      ...v.nodes.map((n) => `    ${n.target.join(' >>> ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`),
    ].join('\n'))
    .join('\n');
}

/**
 * What has focus, and whether it shows a focus indicator: a computed outline or box-shadow on
 * the element itself or on its ::before/::after (a stretched link draws its ring there).
 */
export function activeElementInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: el ? 'body' : null, indicator: false };
    const shows = (style) => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
      || (style.boxShadow && style.boxShadow !== 'none');
    const rect = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      type: el.getAttribute('type'),
      name: el.getAttribute('name'),
      value: 'value' in el ? el.value : null,
      checked: 'checked' in el ? el.checked : null,
      text: (el.textContent ?? '').trim().slice(0, 80),
      href: el.getAttribute('href'),
      back: el.hasAttribute('data-back'),
      releaseLink: !!el.closest('article[data-release-id] .release-card__title') && el.tagName === 'A',
      indicator: shows(getComputedStyle(el)) || shows(getComputedStyle(el, '::after'))
        || shows(getComputedStyle(el, '::before')),
      visible: rect.width > 0 && rect.height > 0,
    };
  });
}

/** Fixtures' pictures are on example.org (allowed: `img-src https:`): answered locally with a
 *  1×1 GIF, as the test machine has no network. */
export async function answerPictures(page) {
  await page.route('https://example.org/**', (route) =>
    route.fulfill({ contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAAAAACw=', 'base64') }),
  );
}

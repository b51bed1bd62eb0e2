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

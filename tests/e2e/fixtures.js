// The specs' `test`: Playwright's, with a `page` whose `goto` and `reload` return once the app
// has started on a prerendered page — adopted it in place, or built its own page for another
// view and replaced it — so that what a test reads is the app's, not the HTML it started from.
// Pages a test opens itself (`browser.newContext()`) are left as they are.
import { test as base, expect } from '@playwright/test';

/** Resolves once the page's prerendered copy, if it has one, is the app's or gone. */
export async function appStarted(page) {
  await page.waitForFunction(() => {
    const prerendered = document.getElementById('pressline-prerendered');
    return !prerendered || prerendered.hasAttribute('data-adopted');
  });
}

export const test = base.extend({
  page: async ({ page }, use) => {
    for (const name of ['goto', 'reload']) {
      const original = page[name].bind(page);
      page[name] = async (...args) => {
        const response = await original(...args);
        await appStarted(page);
        return response;
      };
    }
    await use(page);
  },
});

export { expect };

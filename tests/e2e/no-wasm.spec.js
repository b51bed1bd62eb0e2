// Graceful without WebAssembly or JavaScript: never a blank page. The plain build shows a
// message with a link to the data where nothing is prerendered; every build's own pages are
// prerendered and readable.
import { test, expect } from '@playwright/test';
import { watchForErrors } from './helpers.js';

const port = Number(process.env.E2E_PORT ?? 8199);
const PUBLISHED = `http://127.0.0.1:${port - 4}`;
const SUBPATH = `http://127.0.0.1:${port - 2}/campaigns/ukraine`;

/** A browser without WebAssembly, from the first script on. */
async function withoutWebAssembly(context) {
  await context.addInitScript(() => { delete globalThis.WebAssembly; });
}

test('without WebAssembly the default build is its readable, prerendered timeline', async ({ browser }) => {
  const context = await browser.newContext();
  await withoutWebAssembly(context);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto('/');
  await expect(page.locator('#pressline-prerendered article')).toHaveCount(12);
  await expect(page.locator('.no-wasm')).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('without WebAssembly a page with nothing prerendered says so and links to the data', async ({ browser }) => {
  const context = await browser.newContext();
  await withoutWebAssembly(context);
  const page = await context.newPage();
  const errors = watchForErrors(page, { console: false }); // The 404 status is logged.
  // A host without rewrite rules answers an unknown address with 404.html, the bare page.
  await page.goto(`${SUBPATH}/no/such/page`);
  const message = page.locator('.no-wasm');
  await expect(message).toBeVisible();
  await expect(message).toContainText('This browser cannot run the interactive timeline: it needs WebAssembly.');
  // Relative to the deploy (the page's <base>), not to the unknown address.
  const data = await page.request.get(await message.locator('a').evaluate((a) => a.href));
  expect(JSON.parse(await data.text()).releases).toHaveLength(12);
  expect(errors).toEqual([]);
  await context.close();
});

test('with WebAssembly the fallback message stays hidden', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('article').first()).toBeVisible();
  await expect(page.locator('.no-wasm')).toBeHidden();
  await expect(page.locator('html')).not.toHaveClass(/pressline-no-wasm/);
});

test('without JavaScript a page with nothing prerendered shows its noscript message', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${SUBPATH}/no/such/page`);
  await expect(page.locator('.noscript')).toBeVisible();
  await expect(page.locator('.noscript a')).toHaveAttribute('href', 'data/releases.json');
  await expect(page.locator('.no-wasm')).toBeHidden();
  await context.close();
});

test('without WebAssembly a published build is the readable list and release pages', async ({ browser }) => {
  const context = await browser.newContext();
  await withoutWebAssembly(context);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${PUBLISHED}/`);
  await expect(page.locator('#pressline-prerendered article')).toHaveCount(12);
  // The prerendered page is the content; no fallback message is needed or shown.
  await expect(page.locator('.no-wasm')).toHaveCount(0);
  await page.locator('#pressline-prerendered article .release-card__title a').first().click();
  await expect(page.locator('#pressline-prerendered h1')).toBeVisible();
  expect(page.url()).toMatch(/\/releases\/[\w-]+$/);
  expect(errors).toEqual([]);
  await context.close();
});

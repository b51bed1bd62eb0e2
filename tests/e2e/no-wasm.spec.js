// Graceful without WebAssembly or JavaScript: never a blank page. The plain build shows a
// message with a link to the data; a published build keeps its prerendered, readable pages.
import { test, expect } from '@playwright/test';
import { watchForErrors } from './helpers.js';

const port = Number(process.env.E2E_PORT ?? 8199);
const PUBLISHED = `http://127.0.0.1:${port - 4}`;

/** A browser without WebAssembly, from the first script on. */
async function withoutWebAssembly(context) {
  await context.addInitScript(() => { delete globalThis.WebAssembly; });
}

test('without WebAssembly the plain build says so and links to the data', async ({ browser }) => {
  const context = await browser.newContext();
  await withoutWebAssembly(context);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto('/');
  const message = page.locator('.no-wasm');
  await expect(message).toBeVisible();
  await expect(message).toContainText('This browser cannot run the interactive timeline: it needs WebAssembly.');
  const data = await page.request.get(new URL(await message.locator('a').getAttribute('href'), page.url()).href);
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

test('without JavaScript the plain build shows its noscript message', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
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
  await page.locator('#pressline-prerendered article h3 a').first().click();
  await expect(page.locator('#pressline-prerendered h1')).toBeVisible();
  expect(page.url()).toMatch(/\/releases\/[\w-]+$/);
  expect(errors).toEqual([]);
  await context.close();
});

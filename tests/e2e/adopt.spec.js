// Every build is prerendered, and the browser adopts the prerendered page in place: the default
// build (`make build`, dist/) holds the timeline and every release with JavaScript off; with
// JavaScript on, the nodes a reader already sees stay the same nodes, nothing shifts, and what
// the reader did before the app started is kept. The prerendered HTML and the app's own render
// of the same address are the same DOM (one renderer).
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { watchForErrors } from './helpers.js';

const seed = JSON.parse(readFileSync('public/data/releases.json', 'utf8'));
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
const theatre = seed.releases.filter((r) => /theatre/i.test(`${r.title} ${r.summary ?? ''}`));

/** `main`'s DOM as text: attributes sorted, comments (Leptos's markers) and whitespace between
 *  tags dropped, and its rendered text. */
function serializeMain() {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const attributes = [...node.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
    return `<${node.localName}${attributes ? ` ${attributes}` : ''}>${[...node.childNodes].map(walk).join('')}</${node.localName}>`;
  };
  const main = document.querySelector('main');
  return { dom: walk(main).replace(/>\s+</g, '><'), text: main.innerText };
}

/** Records layout shifts from the first paint, and the first release card and heading as the
 *  HTML parser made them. */
async function observe(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      window.__firstArticle = document.querySelector('main article');
      window.__firstHeading = document.querySelector('main h1');
    });
  });
}

test('with JavaScript off, the timeline and every release page of the default build are there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('main article')).toHaveCount(seed.releases.length);
  await expect(page.locator('main h1')).toHaveText(seed.title);
  await expect(page.locator('.histogram svg')).toHaveCount(1);
  await expect(page.locator('[data-facet="kind"] input')).not.toHaveCount(0);
  await expect(page.locator('.result-count')).toHaveText(`${seed.releases.length} releases`);
  await expect(page.locator('body noscript')).toHaveCount(0);
  for (const release of seed.releases) {
    const response = await page.goto(`/releases/${release.id}/`);
    expect(response.status()).toBe(200);
    await expect(page.locator('main h1')).toHaveText(release.title);
    expect(await page.title()).toContain(release.title);
  }
  // No address is invented without BASE_URL: no canonical, feeds or structured data.
  expect(await page.locator('link[rel="canonical"], link[rel="alternate"], script[type="application/ld+json"]').count()).toBe(0);
  await context.close();
});

for (const [name, viewport] of [['a phone', phone], ['a desktop', desktop]]) {
  for (const path of ['/', `/releases/${seed.releases[2].id}/`]) {
    test(`on ${name}, ${path} is adopted in place: same nodes, no shift, no error`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, locale: 'en-US' });
      const page = await context.newPage();
      const errors = watchForErrors(page);
      const warnings = [];
      page.on('console', (m) => m.type() === 'warning' && /hydrat/i.test(m.text()) && warnings.push(m.text()));
      await observe(page);
      await page.goto(path);
      await expect(page.locator('#pressline-prerendered[data-adopted]')).toHaveCount(1);
      await expect(page.locator('#pressline-live')).toHaveCount(0);
      const same = await page.evaluate(() => ({
        article: window.__firstArticle === document.querySelector('main article') && window.__firstArticle.isConnected,
        heading: window.__firstHeading === document.querySelector('main h1') && window.__firstHeading.isConnected,
      }));
      expect(same).toEqual({ article: true, heading: true });
      expect(await page.evaluate(() => window.__shifts)).toEqual([]);
      expect(errors).toEqual([]);
      expect(warnings).toEqual([]);
      await context.close();
    });
  }
}

test('a search typed after start-up filters the adopted page', async ({ page }) => {
  await observe(page);
  await page.setViewportSize(phone);
  await page.goto('/');
  await expect(page.locator('#pressline-prerendered[data-adopted]')).toHaveCount(1);
  await page.locator('.filters__toggle').click();
  await page.locator('#search-input').fill('theatre');
  await expect(page).toHaveURL(/\?q=theatre$/);
  await expect(page.locator('main article')).toHaveCount(theatre.length);
  // The cards that stay are the nodes the HTML parser made.
  expect(await page.evaluate(() => [...document.querySelectorAll('main article')].every((a) => a.isConnected))).toBe(true);
});

test('a search typed before the app has started is not lost', async ({ page }) => {
  // The app's code is held back until the reader has typed.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.setViewportSize(phone);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await page.locator('.filters__toggle').click();
  await page.locator('#search-input').fill('theatre');
  release();
  await expect(page.locator('#pressline-prerendered[data-adopted]')).toHaveCount(1);
  await expect(page).toHaveURL(/\?q=theatre$/);
  await expect(page.locator('#search-input')).toHaveValue('theatre');
  await expect(page.locator('main article')).toHaveCount(theatre.length);
});

test('without the app, the search box is a form that asks for the search', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
  const page = await context.newPage();
  await page.goto('/');
  await page.locator('#search-input').fill('theatre');
  await page.locator('#search-input').press('Enter');
  // The search is in the address (the app, once it runs, searches it), and the page says why
  // nothing was searched yet.
  await expect(page).toHaveURL(/\/\?q=theatre#search-needs-script$/);
  await expect(page.locator('#search-needs-script')).toBeVisible();
  await context.close();
});

test('a reader whose browser prefers Arabic gets it without a shift or an error', async ({ browser }) => {
  for (const viewport of [phone, desktop]) {
    const context = await browser.newContext({ viewport, locale: 'ar' });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await observe(page);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('main article')).toHaveCount(seed.releases.length);
    await expect(page.locator('#pressline-prerendered')).toHaveCount(0);
    expect(await page.evaluate(() => window.__shifts)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('the prerendered HTML is what the app renders in the browser for the same address', async ({ browser }) => {
  const shell = readFileSync('dist/.pressline-shell.html', 'utf8');
  for (const path of ['/', `/releases/${seed.releases[5].id}/`]) {
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
    const prerendered = await plain.newPage();
    // The HTML is compared: without-app.css (reader.spec.js) would hide controls from innerText.
    await prerendered.route('**/without-app.css', (route) => route.abort());
    await prerendered.goto(path);
    const fromServer = await prerendered.evaluate(serializeMain);
    await plain.close();

    // The same address served as trunk's page without prerendered content: the app renders it
    // from scratch in the browser.
    const context = await browser.newContext({ viewport: phone });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.route((url) => url.pathname === path, (route) =>
      route.fulfill({ contentType: 'text/html', body: shell }));
    await page.goto(path);
    await expect(page.locator('main article')).not.toHaveCount(0);
    await expect(page.locator('.histogram svg, main h1')).not.toHaveCount(0);
    // The app's parts that follow its first render are there (the prerendered page has them).
    if (path === '/') {
      await expect(page.locator('[data-facet="kind"]')).toHaveCount(1);
      await expect(page.locator('.embed-open')).toHaveCount(1);
      await expect(page.locator('[data-histogram-table]')).toHaveCount(1);
    }
    expect(await page.evaluate(serializeMain)).toEqual(fromServer);
    expect(errors).toEqual([]);
    await context.close();
  }
});

// Published pages (`pressline publish`, see the Makefile's `published` target): readable with
// JavaScript off, adopted by the app (the bundled dataset) or replaced once a fetched one has
// arrived, with the same DOM, no layout shift and no console errors; link previews and JSON-LD intact even for a dataset full of markup and script.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { answerPictures, watchForErrors } from './helpers.js';

const port = Number(process.env.E2E_PORT ?? 8199);
const PUBLISHED = `http://127.0.0.1:${port - 4}`;
const HOSTILE = `http://127.0.0.1:${port - 5}`;
const seed = JSON.parse(readFileSync('public/data/releases.json', 'utf8'));
const hostile = JSON.parse(readFileSync('tests/fixtures/hostile-publish.json', 'utf8'));
const NEWSROOM = `http://127.0.0.1:${port - 9}`;
const newsroom = JSON.parse(readFileSync('tests/fixtures/newsroom/newsroom.json', 'utf8'));

/** `main`'s DOM as text (attributes sorted, comments, which are Leptos's markers, dropped) and
 *  its rendered text, so the prerendered and the live page compare exactly. */
function serializeMain() {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const attributes = [...node.attributes]
      .map((a) => `${a.name}="${a.value}"`)
      .sort()
      .join(' ');
    return `<${node.localName}${attributes ? ` ${attributes}` : ''}>${[...node.childNodes].map(walk).join('')}</${node.localName}>`;
  };
  const main = document.querySelector('main');
  // Whitespace between tags is the same to a reader; innerText catches a missing space.
  return { dom: walk(main).replace(/>\s+</g, '><'), text: main.innerText };
}

/** Loads `url` without JavaScript: the page as a crawler or a script-less reader sees it. */
async function withoutJavaScript(browser, url, viewport) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport });
  const page = await context.newPage();
  await answerPictures(page);
  // Compared with the live page below: without-app.css, which hides the controls only the app
  // can carry out (reader.spec.js), would change what innerText sees, not the HTML.
  await page.route('**/without-app.css', (route) => route.abort());
  await page.goto(url);
  return { context, page };
}

/** Loads `url` with the app, recording layout shifts from the first paint, and waits until the
 *  app has adopted the prerendered page (the bundled dataset) or, for a fetched dataset,
 *  built its own and replaced the prerendered copy. */
async function withApp(browser, url, viewport, { adopted = url.startsWith(PUBLISHED) } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await answerPictures(page);
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  if (adopted) {
    await expect(page.locator('#pressline-prerendered[data-adopted] main')).toHaveCount(1);
    await expect(page.locator('#pressline-live')).toHaveCount(0);
  } else {
    await expect(page.locator('#pressline-prerendered')).toHaveCount(0);
    await expect(page.locator('#pressline-live main')).toHaveCount(1);
  }
  return { context, page, errors };
}

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

for (const [name, origin, release] of [
  ['the seed', PUBLISHED, seed.releases[3]],
  ['a fetched dataset with a Markdown body', HOSTILE, hostile.releases[0]],
  // Versions, contact cards, boilerplate, a lead picture with its sizes and a gallery.
  ['a newsroom with a press kit and pictures', NEWSROOM, newsroom.releases[0]],
]) {
  test(`a release page from ${name} is readable without JavaScript and becomes the same live page`, async ({ browser }) => {
    const url = `${origin}/releases/${release.id}`;
    const plain = await withoutJavaScript(browser, url, phone);
    const h1 = plain.page.locator('main h1');
    await expect(h1).toHaveText(release.title);
    await expect(plain.page.locator('main time.release-date').first()).toHaveAttribute(
      'datetime',
      release.date,
    );
    if (release.summary) await expect(plain.page.locator('.release__summary')).toHaveText(release.summary);
    if (release.body) {
      await expect(plain.page.locator('.release__body p').first()).toContainText('Body one');
      await expect(plain.page.locator('.release__body img')).toHaveAttribute('src', 'https://example.org/x.png');
    }
    await expect(plain.page.locator('body noscript')).toHaveCount(0);
    const before = await plain.page.evaluate(serializeMain);
    const titleBefore = await plain.page.title();
    await plain.context.close();

    const live = await withApp(browser, url, phone);
    expect(await live.page.evaluate(serializeMain)).toEqual(before);
    expect(await live.page.title()).toBe(titleBefore);
    // The app is live: its Copy link button works (the prerendered one does nothing).
    await live.page.locator('[data-share="copy"]').click();
    await expect(live.page.locator('.share__message')).not.toBeEmpty();
    expect(await live.page.evaluate(() => window.__shifts)).toEqual([]);
    expect(live.errors).toEqual([]);
    await live.context.close();
  });
}

test('the timeline is prerendered too, and the app adopts it without a shift', async ({ browser }) => {
  for (const viewport of [phone, desktop]) {
    const plain = await withoutJavaScript(browser, `${PUBLISHED}/`, viewport);
    await expect(plain.page.locator('.release-card')).toHaveCount(seed.releases.length);
    await expect(plain.page.locator('.result-count')).toHaveText(`${seed.releases.length} releases`);
    const before = await plain.page.evaluate(serializeMain);
    await plain.context.close();

    const live = await withApp(browser, `${PUBLISHED}/`, viewport);
    // The one difference: wide screens show the filters open beside the results (a column of
    // their own, so nothing moves). Closed again, the live page is the prerendered one.
    const wasOpen = await live.page.evaluate(() => {
      const filters = document.querySelector('details.filters');
      const open = filters.open;
      filters.open = false;
      return open;
    });
    expect(wasOpen).toBe(viewport === desktop);
    expect(await live.page.evaluate(serializeMain)).toEqual(before);
    await live.page.evaluate((open) => { document.querySelector('details.filters').open = open; }, wasOpen);
    expect(await live.page.evaluate(() => window.__shifts)).toEqual([]);
    // Live: a facet filters in place.
    if (viewport === phone) await live.page.locator('.filters__toggle').click();
    await live.page.locator('[data-facet="kind"] input[value="Report"]').check();
    await expect(live.page.locator('.release-card')).toHaveCount(1);
    expect(live.errors).toEqual([]);
    await live.context.close();
  }
});

test('a prerendered link works before the app has loaded, and the feeds are announced', async ({ browser }) => {
  const plain = await withoutJavaScript(browser, `${PUBLISHED}/`, phone);
  const first = seed.releases[0];
  await plain.page.locator(`[data-release-id="${first.id}"] .release-card__title a`).click();
  await expect(plain.page).toHaveURL(`${PUBLISHED}/releases/${first.id}`);
  await expect(plain.page.locator('main h1')).toHaveText(first.title);
  const feeds = await plain.page.$$eval('link[rel="alternate"]', (links) => links.map((l) => [l.type, l.href]));
  expect(feeds).toEqual([
    ['application/atom+xml', `${PUBLISHED}/feed.xml`],
    ['application/feed+json', `${PUBLISHED}/feed.json`],
  ]);
  for (const [type, href] of feeds) {
    const response = await plain.page.request.get(href);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toContain(type === 'application/atom+xml' ? 'xml' : 'json');
  }
  const sitemap = await (await plain.page.request.get(`${PUBLISHED}/sitemap.xml`)).text();
  expect(sitemap.match(/<loc>/g)).toHaveLength(seed.releases.length + 1);
  await plain.context.close();
});

test('link previews and JSON-LD survive a dataset full of markup, quotes and script', async ({ browser }) => {
  for (const javaScriptEnabled of [false, true]) {
    for (const release of hostile.releases) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await answerPictures(page);
      const requests = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${HOSTILE}/releases/${release.id}`);
      if (javaScriptEnabled) await expect(page.locator('#pressline-prerendered')).toHaveCount(0);
      const meta = (selector) => page.locator(selector).getAttribute('content');
      expect(await meta('meta[property="og:title"]')).toBe(release.title);
      expect(await meta('meta[name="twitter:title"]')).toBe(release.title);
      expect(await meta('meta[name="description"]')).toBe(
        release.summary.length > 160 ? expect.anything() : release.summary,
      );
      const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
      expect(ld.name).toBe(release.title);
      expect(ld.publisher.name).toBe(hostile.organization.name);
      await expect(page.locator('main h1')).toHaveText(release.title);
      // Nothing the payload carries ran or became markup.
      expect(await page.evaluate(() => window.__xss)).toBeUndefined();
      expect(await page.locator('script').count()).toBe(2);
      expect(await page.locator('main img[src="x"]').count()).toBe(0);
      const dangerous = await page.$$eval('[href], [src]', (nodes) =>
        nodes.map((n) => n.getAttribute('href') ?? n.getAttribute('src')).filter((v) => /^\s*(javascript|vbscript|data):/i.test(v)),
      );
      expect(dangerous).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(HOSTILE) && !url.startsWith('https://example.org/'))).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  }
});

// The lazily loaded parts (crates/web/src/parts/): the first load fetches none of them; each
// arrives on first use; one that cannot be fetched says so, keeps the rest of the page, and
// Retry loads it.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { DATA, answerPictures, deployWith, watchForErrors } from './helpers.js';
import { appStarted } from './fixtures.js';

const PART = /\/(split-[a-z-]+|chunk)-[0-9a-f]{16}\.wasm$/;
const RELEASE = 'russian-attacks-on-critical-energy-infrastructure';

/** Holds back the part `name` until the returned function is called. */
async function holdPart(page, name) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(new RegExp(`split-${name}-[0-9a-f]+\\.wasm$`), async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Serves `/` as trunk built it, without the prerendered timeline: the app then builds the page
 *  from scratch, part by part, as it does wherever nothing is prerendered (an embed, a fetched
 *  dataset). */
async function withoutPrerender(page, path = '/') {
  const shell = readFileSync('dist/.pressline-shell.html', 'utf8');
  await page.route((url) => url.pathname === path, (route) =>
    route.fulfill({ contentType: 'text/html', body: shell }));
}

/** The lazily loaded wasm files the page has asked for, by their part's name. */
function watchParts(page) {
  const parts = [];
  page.on('request', (request) => {
    const match = new URL(request.url()).pathname.match(PART);
    if (match) parts.push(match[1]);
  });
  return parts;
}

test('the timeline shows before any lazy part; the histogram, filters and embed dialog follow, the release page on first use', async ({ page }) => {
  const errors = watchForErrors(page);
  const parts = watchParts(page);
  await page.goto('/');
  await expect(page.locator('article[data-release-id]')).toHaveCount(12);
  await expect(page.locator('.histogram__svg path')).not.toHaveCount(0);
  await expect(page.locator('fieldset[data-facet]:not([hidden])')).toHaveCount(6); // five facets and the dates
  // The embed dialog's button is a lazy part of its own: it arrives just after the timeline.
  await expect(page.getByRole('button', { name: 'Embed this view' })).toBeVisible();
  // No address notices (nothing was ignored), so not their code either.
  expect(parts.filter((part) => part !== 'chunk').sort()).toEqual(['split-embed-dialog-part', 'split-filter-controls-part', 'split-histogram-part']);
  await page.locator(`article[data-release-id="${RELEASE}"] .release-card__title a`).click();
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.locator('h1')).toContainText('Russian Attacks on Critical Energy Infrastructure');
  expect(parts).toContain('split-release-page-part');
  // Neither the code that fetches and reads datasets, nor the other formats' reader, nor a
  // language's catalogue: English, and the bundled dataset.
  expect(parts.filter((part) => /read-site|other-format|catalogue/.test(part))).toEqual([]);
  expect(errors).toEqual([]);
});

for (const width of [1280, 320]) {
  test(`while the histogram's code is on the way its frame holds the place: nothing moves when it arrives (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await withoutPrerender(page);
    const release = await holdPart(page, 'histogram-part');
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/');
    await expect(page.locator('article[data-release-id]')).toHaveCount(12);
    const frame = page.locator('section.histogram[aria-busy=true]');
    await expect(frame).toBeVisible();
    const box = (locator) => locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: Math.round(r.top), height: Math.round(r.height) };
    });
    const before = await box(frame);
    const firstCard = await box(page.locator('article[data-release-id]').first());
    release();
    await expect(page.locator('.histogram__svg path')).not.toHaveCount(0);
    await expect(frame).toHaveCount(0);
    expect(await box(page.locator('section.histogram'))).toEqual(before);
    expect(await box(page.locator('article[data-release-id]').first())).toEqual(firstCard);
    expect(await page.evaluate(() => window.__shifts)).toEqual([]);
  });
}

test('while the filters\' code is on the way, the results, search and sort work and a frame holds the filters\' place', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await withoutPrerender(page);
  const errors = watchForErrors(page);
  const release = await holdPart(page, 'filter-controls-part');
  await page.goto('/');
  await expect(page.locator('article[data-release-id]')).toHaveCount(12);
  await expect(page.locator('.filters__pending[aria-hidden=true]')).toBeVisible();
  await expect(page.locator('fieldset[data-facet]')).toHaveCount(0);
  // Searching and sorting do not wait for the filters.
  await page.getByLabel('Sort').selectOption('oldest');
  await expect(page).toHaveURL(/sort=oldest/);
  const firstCard = await page.locator('article[data-release-id]').first().boundingBox();
  release();
  const kind = page.locator('fieldset[data-facet="kind"]');
  await expect(kind).toBeVisible();
  await expect(page.locator('.filters__pending')).toHaveCount(0);
  // Beside the results, not above them: no result moved.
  expect(await page.locator('article[data-release-id]').first().boundingBox()).toEqual(firstCard);
  // The filters arrive with the view the address names, and change it.
  await kind.locator('label', { hasText: 'Report' }).click();
  await expect(page).toHaveURL(/kind=Report/);
  await expect(page).toHaveURL(/sort=oldest/);
  expect(errors).toEqual([]);
});

test('address notices bring their own code, only when the address had something to ignore', async ({ page }) => {
  const errors = watchForErrors(page);
  const parts = watchParts(page);
  await page.goto('/?kind=Report');
  await expect(page.locator('fieldset[data-facet="kind"]')).toBeVisible();
  expect(parts).not.toContain('split-url-notices-part');
  await page.goto('/?from=soon&kind=Report');
  await expect(page.locator('.url-notices[role=note]')).toContainText('“soon” is not a date');
  expect(parts).toContain('split-url-notices-part');
  // Fixing the address removes them, in place.
  await page.locator('.filters__clear').click();
  await expect(page.locator('.url-notices')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('while the dataset reader\'s code is on the way, the loading view names the dataset', async ({ page }) => {
  const errors = watchForErrors(page);
  await answerPictures(page);
  const release = await holdPart(page, 'read-site-part');
  await deployWith(page, { 'data-src': `${DATA}/ok.json` });
  await page.goto('/');
  await expect(page.locator('[data-loading] [role=status]')).toContainText(`Loading releases from ${DATA}/ok.json`);
  await expect(page.locator('[data-loading][aria-busy=true] .loading__skeleton')).toBeVisible();
  release();
  await expect(page.locator('article[data-release-id]').first()).toBeVisible();
  await expect(page.locator('[data-loading]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a slow release page still gets the focus on its title when it arrives', async ({ page }) => {
  await page.route(/split-release-page-part-[0-9a-f]+\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto('/');
  await page.locator(`article[data-release-id="${RELEASE}"] .release-card__title a`).click();
  await expect(page.locator('h1')).toContainText('Russian Attacks', { timeout: 10_000 });
  await expect(page.locator('h1')).toBeFocused();
});

test('a part that cannot be fetched says so, keeps the page, and Retry loads it', async ({ page }) => {
  const errors = watchForErrors(page, { console: false });
  let blocked = true;
  await page.route(/split-release-page-part-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await withoutPrerender(page, `/releases/${RELEASE}`);
  await page.goto(`/releases/${RELEASE}`);
  const alert = page.locator('.part-error[role=alert]');
  await expect(alert).toContainText('This part of the page could not be loaded. Check your connection and try again.');
  // The rest of the page is still there and works.
  await expect(page.locator('.site-header')).toBeVisible();
  blocked = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('h1')).toContainText('Russian Attacks on Critical Energy Infrastructure');
  await expect(alert).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a feed whose reader cannot be fetched names the file and the cause, and Retry reads it', async ({ page }) => {
  const errors = watchForErrors(page, { console: false });
  let blocked = true;
  await page.route(/split-other-format-part-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await deployWith(page, { 'data-src': `${DATA}/json-feed.json` });
  await page.goto('/');
  const failure = page.locator('[data-load-error="reader-unavailable"]');
  await expect(failure).toContainText(`${DATA}/json-feed.json is not a Pressline dataset, and the part of the app that reads other formats could not be loaded.`);
  blocked = false;
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('article[data-release-id]').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a fetched dataset whose loader cannot be fetched names the URL and the cause, and Retry loads it', async ({ page }) => {
  const errors = watchForErrors(page, { console: false });
  const parts = watchParts(page);
  let blocked = true;
  await page.route(/split-read-site-part-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await deployWith(page, { 'data-src': `${DATA}/ok.json` });
  await page.goto('/');
  const failure = page.locator('[data-load-error="loader-unavailable"]');
  await expect(failure).toContainText(`${DATA}/ok.json could not be fetched: the part of the app that fetches datasets could not be loaded.`);
  blocked = false;
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('article[data-release-id]').first()).toBeVisible();
  expect(parts).toContain('split-read-site-part');
  expect(errors).toEqual([]);
});

test('a reader in another language gets the catalogue part with its catalogue, and the page in that language', async ({ page }) => {
  const errors = watchForErrors(page);
  const parts = watchParts(page);
  await page.goto('/?lang=fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: 'Effacer tous les filtres' })).toBeVisible();
  expect(parts).toContain('split-catalogue-part');
  expect(parts).not.toContain('split-read-site-part');
  expect(errors).toEqual([]);
});

test('the download writer arrives when the reader nears the buttons; if it cannot, they say so and a later click works', async ({ page }) => {
  const errors = watchForErrors(page, { console: false });
  const parts = watchParts(page);
  let blocked = true;
  await page.route(/split-export-part-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await page.goto('/?kind=Report');
  await appStarted(page); // Its own page, not the prerendered timeline it replaces.
  await expect(page.locator('article[data-release-id]').first()).toBeVisible();
  expect(parts).not.toContain('split-export-part');
  const downloads = page.locator('.downloads');
  await downloads.locator('[data-download="csv"]').click();
  await expect(downloads.getByRole('alert')).toHaveText('This part of the page could not be loaded. Check your connection and try again.');
  blocked = false;
  const [csv] = await Promise.all([page.waitForEvent('download'), downloads.locator('[data-download="csv"]').click()]);
  expect(csv.suggestedFilename()).toBe('releases.csv');
  await expect(downloads.getByRole('alert')).toHaveCount(0);
  expect(parts).toContain('split-export-part');
  expect(errors).toEqual([]);
});

test('a prerendered page whose part cannot be fetched stays as it is, readable, with real links', async ({ page }) => {
  await page.route(/split-release-page-part-[0-9a-f]+\.wasm$/, (route) => route.abort());
  await page.goto(`/releases/${RELEASE}`);
  await expect(page.locator('h1')).toContainText('Russian Attacks on Critical Energy Infrastructure');
  await page.waitForTimeout(1000); // The app has given up by now.
  await expect(page.locator('#pressline-prerendered:not([data-adopted]) h1')).toContainText('Russian Attacks');
  await expect(page.locator('.part-error')).toHaveCount(0);
  await page.locator('[data-back]').click();
  await expect(page).toHaveURL(/\/$/);
});

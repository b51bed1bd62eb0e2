// Faults survived: datasets at 75 MB and 1,000,000 releases, nesting 100,000 and 1,000,000
// levels deep, a 10 MB field, NUL and lone surrogates, 5,000 copies of one id. Each ends in a
// clear message naming what is wrong, every valid record is kept, the page never goes blank,
// and a big file is read in slices: the loading view counts the releases as they are checked
// and indexed, and the browser keeps painting frames while it does.
// The datasets are made by fixture-server.mjs (/faults/…), on another origin like a real data host.
import { test, expect } from '@playwright/test';
import { DATA, deployWith, watchForErrors } from './helpers.js';

test.describe.configure({ timeout: 240_000 });

/** Deploys with the data server allowed and these attributes. */
const deploy = (page, attributes) => deployWith(page, { 'data-allow-origins': DATA, ...attributes });

/** Records, from the start, every loading stage the page shows and every animation frame
 *  painted while the app was checking or indexing. */
async function recordLoading(page) {
  await page.addInitScript(() => {
    const log = { stages: [], framesWhileReading: 0 };
    window.__loading = log;
    const tick = () => {
      const bytes = document.querySelector('.loading__bytes');
      const stage = bytes?.dataset.stage;
      // Records are checked as they arrive (receiving), then indexed.
      if (stage === 'receiving' || stage === 'checking' || stage === 'indexing') {
        log.framesWhileReading += 1;
        const text = bytes.textContent.trim();
        if (log.stages.at(-1) !== text) log.stages.push(text);
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

test('a million releases (75 MB): refused at the default limit, read in slices when the deploy allows it', async ({ page }) => {
  const errors = watchForErrors(page);
  await deploy(page, { 'data-src': `${DATA}/faults/million.json` });
  await page.goto('/');
  const refused = page.locator('[data-load-error="too-large"]');
  await expect(refused).toBeVisible({ timeout: 60_000 });
  await expect(refused.locator('p')).toContainText(`${DATA}/faults/million.json is`);
  await expect(refused.locator('p')).toContainText('over the limit of 52 MB');
  expect(errors.filter((e) => !e.startsWith('console:'))).toEqual([]);
});

test('a million releases with a raised limit: progress counted, frames painted, all kept', async ({ page }) => {
  const errors = watchForErrors(page);
  await recordLoading(page);
  await deploy(page, { 'data-src': `${DATA}/faults/million.json`, 'data-max-bytes': '200000000' });
  await page.goto('/');
  await expect(page.locator('.result-count')).toHaveAttribute('data-count', '1000000', { timeout: 180_000 });
  // Only one page of articles is ever in the document.
  await expect(page.locator('article[data-release-id]')).toHaveCount(100);
  const log = await page.evaluate(() => window.__loading);
  // The counts went up in steps the reader could see (received while checked, then indexed)…
  expect(log.stages.filter((s) => /[\d.]+ MB of [\d.]+ MB received/.test(s)).length, log.stages.join(' | ')).toBeGreaterThanOrEqual(2);
  expect(log.stages.some((s) => /Building the search index/.test(s)), log.stages.join(' | ')).toBe(true);
  expect(log.stages.length).toBeGreaterThanOrEqual(4);
  // …and the browser painted frames in between: the tab was never frozen for the whole read.
  expect(log.framesWhileReading).toBeGreaterThanOrEqual(4);
  // Still responsive once loaded: a search over a million releases answers.
  await page.locator('#search-input').fill('999999');
  await expect(page.locator('.result-count')).toHaveAttribute('data-count', '1', { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('a record nested 100,000 levels deep is skipped alone; a file nested 1,000,000 deep is refused clearly', async ({ page }) => {
  const errors = watchForErrors(page);
  await deploy(page, { 'data-src': `${DATA}/faults/deep.json` });
  await page.goto('/');
  await expect(page.locator('article[data-release-id]')).toHaveCount(2);
  await page.locator('.skipped-records summary').click();
  await expect(page.locator('.skipped-records')).toContainText('releases[1] (no id), (record): not valid JSON (line 3, column');
  await expect(page.locator('.skipped-records')).toContainText('recursion limit exceeded; the rest of the file is read without it');

  await page.goto('about:blank');
  await deploy(page, { 'data-src': `${DATA}/faults/deep-file.json` });
  await page.goto('/');
  const view = page.locator('[data-load-error="not-json"]');
  await expect(view).toBeVisible({ timeout: 30_000 });
  await expect(view.locator('p')).toContainText('is not valid JSON (line 1, column 128): recursion limit exceeded');
  expect(errors).toEqual([]);
});

test('a 10 MB field skips its record with its length; the others stay', async ({ page }) => {
  const errors = watchForErrors(page);
  await deploy(page, { 'data-src': `${DATA}/faults/huge-field.json` });
  await page.goto('/');
  await expect(page.locator('article[data-release-id]')).toHaveCount(2);
  await page.locator('.skipped-records summary').click();
  await expect(page.locator('.skipped-records li')).toHaveText(['releases[1] (id "huge"), title: 10485760 characters, more than the 2000 this field may have — the release is left out']);
  expect(errors).toEqual([]);
});

test('NUL, control characters, a lone surrogate and a huge number cost only their own records', async ({ page }) => {
  const errors = watchForErrors(page);
  await deploy(page, { 'data-src': `${DATA}/faults/nul-surrogates.json` });
  await page.goto('/');
  await expect(page.locator('article[data-release-id]')).toHaveCount(3);
  // NUL and BEL are dropped from kept text.
  await expect(page.locator('article[data-release-id="kept-3"] .release-card__title')).toHaveText('Kept after');
  await page.locator('.skipped-records summary').click();
  const items = page.locator('.skipped-records li');
  await expect(items).toHaveCount(4);
  await expect(items.nth(1)).toContainText('releases[2] (no id), (record): not valid JSON (line 7, column');
  await expect(items.nth(1)).toContainText('hex escape');
  expect(errors).toEqual([]);
});

test('a lone surrogate in the dataset title costs only the title: every valid record still shows', async ({ page }) => {
  const errors = watchForErrors(page);
  await deploy(page, { 'data-src': `${DATA}/faults/surrogate-title.json` });
  await page.goto('/');
  await expect(page.locator('article[data-release-id]')).toHaveCount(3);
  await page.locator('.skipped-records summary').click();
  const items = page.locator('.skipped-records li');
  await expect(items).toHaveCount(5);
  await expect(items.first()).toHaveText('dataset, title: not valid JSON (line 3, column 19): unexpected end of hex escape; the rest of the file is read without it');
  expect(errors).toEqual([]);
});

test('5,000 copies of one id: one kept, the report lists 100 and counts the rest', async ({ page }) => {
  const errors = watchForErrors(page);
  await deploy(page, { 'data-src': `${DATA}/faults/duplicates.json` });
  await page.goto('/');
  await expect(page.locator('article[data-release-id]')).toHaveCount(1);
  await expect(page.locator('.skipped-records')).toHaveAttribute('data-skipped-count', '4999');
  await page.locator('.skipped-records summary').click();
  await expect(page.locator('.skipped-records li')).toHaveCount(101);
  await expect(page.locator('.skipped-records li').first()).toHaveText('releases[1] (id "same"), id: duplicate id, already used by releases[0] — the release is left out');
  await expect(page.locator('.skipped-records__more')).toHaveText('Not shown here: 4,899 more. The command pressline validate lists them all.');
  expect(errors).toEqual([]);
});

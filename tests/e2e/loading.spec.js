// Fetched datasets: every failure shows the right view, Retry recovers once the server is fixed,
// and a half-broken dataset keeps every valid record. The data comes from a second origin
// (fixture-server.mjs), allowed by the deploy's data-allow-origins.
import { test, expect } from '@playwright/test';
import { DATA, deployWith as deployAttributes, watchForErrors as watchAll } from './helpers.js';
import { coreAnswer } from './oracle.js';

/** Deploys with the data server allowed; failing fetches log console errors, so only page
 * errors and dialogs count here. */
const deployWith = (page, attributes) => deployAttributes(page, { 'data-allow-origins': DATA, ...attributes });
const watchForErrors = (page) => watchAll(page, { console: false });

async function expectFailure(page, kind, text) {
  const view = page.locator(`[data-load-error="${kind}"]`);
  await expect(view).toBeVisible({ timeout: 15_000 });
  await expect(view.locator('h1')).toHaveText('The releases could not be loaded');
  await expect(view.locator('p')).toContainText(text);
}

test('a dataset named by data-src loads, with a loading view first', async ({ page }) => {
  const errors = watchForErrors(page);
  await deployWith(page, { 'data-src': `${DATA}/slow.json` });
  await page.goto('/');
  await expect(page.locator('[data-loading] [role=status]')).toContainText(`Loading releases from ${DATA}/slow.json`);
  await expect(page.locator('.loading__bytes')).toContainText('received', { timeout: 5_000 });
  await expect(page.locator('article[data-release-id]')).toHaveCount(2, { timeout: 10_000 });
  expect(errors).toEqual([]);
});

test('an allowed ?src= is loaded; a refused one says why and offers no retry', async ({ page }) => {
  await deployWith(page, {});
  const src = `src=${encodeURIComponent(`${DATA}/ok.json`).replace(/\./g, '.')}`;
  await page.goto(`/?${src}`);
  await expect(page.locator('article[data-release-id]')).toHaveCount(2);
  // Every internal link keeps the accepted src, so reloads and shared links show the same data.
  await page.locator('fieldset[data-facet="kind"] input[value="Report"]').check();
  await expect.poll(() => new URL(page.url()).search).toBe(`?kind=Report&${src}`);
  await page.locator('article[data-release-id] .release-card__title a').first().click();
  await expect(page.locator('h1')).toHaveText('A release with every field');
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/releases/full-release?kind=Report&${src}`);
  await page.reload();
  await expect(page.locator('h1')).toHaveText('A release with every field');
  await page.locator('[data-back]').click();
  await expect(page.locator('article[data-release-id]')).toHaveCount(1);
  await page.goto(`/?src=${encodeURIComponent('https://evil.example/fake.json')}`);
  await expectFailure(page, 'refused', 'Refused to load https://evil.example/fake.json: https://evil.example is not this site');
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
});

test('HTTP errors name the status, and Retry recovers once the server is fixed', async ({ page, request }) => {
  await request.get(`${DATA}/__break/flaky`);
  await deployWith(page, { 'data-src': `${DATA}/missing.json` });
  await page.goto('/');
  await expectFailure(page, 'http', `${DATA}/missing.json answered HTTP 404`);

  await deployWith(page, { 'data-src': `${DATA}/flaky.json` });
  await page.goto('/');
  await expectFailure(page, 'http', `${DATA}/flaky.json answered HTTP 500`);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expectFailure(page, 'http', 'HTTP 500');
  await request.get(`${DATA}/__fix/flaky`);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('article[data-release-id]')).toHaveCount(2);
});

test('a server that never answers hits the time limit', async ({ page }) => {
  await deployWith(page, { 'data-src': `${DATA}/hang.json`, 'data-timeout-ms': '1500' });
  await page.goto('/');
  await expectFailure(page, 'timeout', `${DATA}/hang.json did not answer within 1.5 seconds`);
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('an unreachable server is a network failure', async ({ page }) => {
  await deployWith(page, { 'data-src': 'http://127.0.0.1:9/nothing.json', 'data-allow-origins': 'http://127.0.0.1:9' });
  await page.goto('/');
  await expectFailure(page, 'network', 'Could not reach http://127.0.0.1:9/nothing.json');
});

test('junk bodies: not JSON, not a known format, not UTF-8, too large', async ({ page }) => {
  await deployWith(page, { 'data-src': `${DATA}/not-json.json` });
  await page.goto('/');
  await expectFailure(page, 'not-json', `${DATA}/not-json.json is not valid JSON (line 1, column 1)`);

  await deployWith(page, { 'data-src': `${DATA}/not-a-format.json` });
  await page.goto('/');
  await expectFailure(page, 'unknown-format', `${DATA}/not-a-format.json is not a`);

  await deployWith(page, { 'data-src': `${DATA}/not-utf8.json` });
  await page.goto('/');
  await expectFailure(page, 'not-text', 'is not UTF-8 text (invalid byte at offset 2)');

  await deployWith(page, { 'data-src': `${DATA}/huge.json`, 'data-max-bytes': '1000000' });
  await page.goto('/');
  await expectFailure(page, 'too-large', 'over the limit of 1.0 MB');
});

test('a half-broken dataset shows every valid record and lists the rest', async ({ page }) => {
  await deployWith(page, { 'data-src': `${DATA}/half-broken.json` });
  await page.goto('/');
  await expect(page.locator('article[data-release-id]')).toHaveCount(2);
  await expect(page.locator('.skipped-records summary')).toContainText('11 records skipped');
  await page.locator('.skipped-records summary').click();
  await expect(page.locator('.skipped-records li')).toHaveCount(14);
  await expect(page.locator('.skipped-records li').nth(3)).toContainText('releases[2] (id "bad-date")');
});

for (const [name, file] of [
  ['JSON Feed', 'json-feed.json'],
  ['WordPress posts', 'wordpress.json'],
  ['TimelineJS', 'timelinejs.json'],
  ['RSS 2.0', 'rss.xml'],
  ['Atom 1.0', 'atom.xml'],
]) {
  test(`a ${name} file is detected and shown like a dataset`, async ({ page }) => {
    const errors = watchForErrors(page);
    const fixture = { 'wordpress.json': 'wordpress-posts.json' }[file] ?? file;
    const answer = coreAnswer('', `tests/fixtures/formats/${fixture}`);
    expect(answer.count).toBeGreaterThan(2);
    await deployWith(page, { 'data-src': `${DATA}/${file}` });
    await page.goto('/');
    await expect(page.locator('article[data-release-id]')).toHaveCount(answer.count);
    const ids = await page.locator('article[data-release-id]').evaluateAll((a) => a.map((e) => e.dataset.releaseId));
    expect(ids).toEqual(answer.ids);
    await page.locator('article[data-release-id] .release-card__title a').first().click();
    await expect(page.locator('h1')).toBeFocused();
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('[href], [src]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src'))
      .filter((value) => /^\s*(javascript|data|vbscript):/i.test(value)));
    expect(hrefs).toEqual([]);
    expect(errors).toEqual([]);
  });
}

// Fetched datasets: every failure shows the right view, Retry recovers once the server is fixed,
// and a half-broken dataset keeps every valid record. The data comes from a second origin
// (fixture-server.mjs), allowed by the deploy's data-allow-origins.
import { readFileSync } from 'node:fs';
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
  // A bad link, language or person costs that field; a bad id, kind, date or title the release.
  const ids = ['good-one', 'bad-link', 'bad-lang', 'bad-person', 'good-two'];
  await expect(page.locator('article[data-release-id]')).toHaveCount(ids.length);
  expect(await page.locator('article[data-release-id]').evaluateAll((a) => a.map((e) => e.dataset.releaseId)).then((shown) => shown.sort()))
    .toEqual([...ids].sort());
  await expect(page.locator('.skipped-records summary')).toContainText('8 records skipped');
  await page.locator('.skipped-records summary').click();
  await expect(page.locator('.skipped-records li')).toHaveCount(14);
  const item = (text) => page.locator('.skipped-records li', { hasText: text });
  await expect(item('releases[2] (id "bad-date")')).toContainText('the release is left out');
  await expect(item('releases[2] (id "bad-date")')).toHaveAttribute('data-outcome', 'skipped');
  await expect(item('releases[8] (id "bad-link")')).toContainText('the field is left out; the release is shown');
  await expect(item('releases[8] (id "bad-link")')).toHaveAttribute('data-outcome', 'dropped');
  // The kept release has no link to the refused address.
  await expect(page.locator('article[data-release-id="bad-link"] a[href*="alert"]')).toHaveCount(0);
});

/** The quoted-aware rows of a CSV or TSV text (RFC 4180: quotes double, cells may hold
 * line breaks), for counting a spreadsheet's records independently of the app. */
function spreadsheetRows(text) {
  const delimiter = text.split(/\r?\n/, 1)[0].includes('\t') ? '\t' : ',';
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { rows.at(-1).push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      rows.at(-1).push(cell); cell = ''; rows.push([]);
    } else cell += c;
  }
  rows.at(-1).push(cell);
  return rows.filter((row) => row.some((value) => value.trim() !== ''));
}

/** How many records a source file holds, counted here rather than by the core: items, entries,
 * posts, events, or a spreadsheet's data rows (a TimelineJS sheet's title and era rows are not
 * events). */
function recordsIn(file) {
  const bytes = readFileSync(`tests/fixtures/formats/${file}`);
  const text = bytes.toString('latin1');
  if (file.endsWith('.xml')) return (text.match(/<(item|entry)[\s>]/g) ?? []).length;
  if (/\.(csv|tsv)$/.test(file)) {
    const [header, ...rows] = spreadsheetRows(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    const type = header.findIndex((name) => name.trim().toLowerCase() === 'type');
    return rows.filter((row) => type < 0 || !['title', 'era'].includes((row[type] ?? '').trim().toLowerCase())).length;
  }
  const value = JSON.parse(bytes.toString('utf8'));
  return (Array.isArray(value) ? value : value.items ?? value.events).length;
}

for (const [name, file] of [
  ['JSON Feed', 'json-feed.json'],
  ['WordPress posts', 'wordpress-posts.json'],
  ['TimelineJS', 'timelinejs.json'],
  ['RSS 2.0', 'rss.xml'],
  ['RSS 2.0 in ISO-8859-1', 'rss-latin1.xml'],
  ['Atom 1.0', 'atom.xml'],
  ['TimelineJS spreadsheet', 'timelinejs-sheet.csv'],
  ['Pressline spreadsheet', 'pressline-sheet.csv'],
  ['Pressline spreadsheet as TSV', 'pressline-sheet.tsv'],
]) {
  test(`a ${name} file is detected and shown like a dataset, every record shown or reported`, async ({ page }) => {
    const errors = watchForErrors(page);
    const answer = coreAnswer('', `tests/fixtures/formats/${file}`);
    expect(answer.count).toBeGreaterThan(1);
    // Nothing vanishes: what is shown and what is reported skipped are all the file's records.
    expect(answer.total + answer.skipped).toBe(recordsIn(file));
    await deployWith(page, { 'data-src': `${DATA}/formats/${file}` });
    await page.goto('/');
    await expect(page.locator('article[data-release-id]')).toHaveCount(answer.count);
    const ids = await page.locator('article[data-release-id]').evaluateAll((a) => a.map((e) => e.dataset.releaseId));
    expect(ids).toEqual(answer.ids);
    if (answer.problems > 0) {
      await expect(page.locator('.skipped-records')).toHaveAttribute('data-skipped-count', String(answer.skipped));
      await page.locator('.skipped-records summary').click();
      await expect(page.locator('.skipped-records li')).toHaveCount(Math.min(answer.problems, 100));
    } else {
      await expect(page.locator('.skipped-records')).toHaveCount(0);
    }
    await page.locator('article[data-release-id] .release-card__title a').first().click();
    await expect(page.locator('h1')).toBeFocused();
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('[href], [src]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src'))
      .filter((value) => /^\s*(javascript|data|vbscript):/i.test(value)));
    expect(hrefs).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('a fetched file that still names an embargo: the release is not shown before its time', async ({ page }) => {
  await deployWith(page, { 'data-src': `${DATA}/embargo.json` });
  await page.goto('/');
  await expect(page.locator('article[data-release-id]')).toHaveCount(2);
  const ids = await page.locator('article[data-release-id]').evaluateAll((a) => a.map((e) => e.dataset.releaseId));
  expect(ids).toEqual(['plain', 'embargo-over']);
  await expect(page.locator('body')).not.toContainText('Held until 2999');
  await page.goto('/releases/held-until-2999');
  await expect(page.locator('[data-not-found="release"] h1')).toHaveText('Release not found');
});

for (const file of ['rss.xml', 'atom.xml', 'rss-latin1.xml', 'timelinejs-sheet.csv', 'pressline-sheet.csv']) {
  test(`?src= reads ${file} as data-src does, and every link keeps it`, async ({ page }) => {
    const answer = coreAnswer('', `tests/fixtures/formats/${file}`);
    await deployWith(page, {});
    const src = `${DATA}/formats/${file}`;
    await page.goto(`/?src=${encodeURIComponent(src)}`);
    await expect(page.locator('article[data-release-id]')).toHaveCount(answer.count);
    const ids = await page.locator('article[data-release-id]').evaluateAll((a) => a.map((e) => e.dataset.releaseId));
    expect(ids).toEqual(answer.ids);
    await page.locator('article[data-release-id] .release-card__title a').first().click();
    await expect(page.locator('h1')).toBeFocused();
    expect(new URL(page.url()).searchParams.get('src')).toBe(src);
  });
}

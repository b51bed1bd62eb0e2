// A sharded archive (tests/fixtures/archive, made by `pressline shard` from archive-source.json):
// the newest shard first, older ones only when the reader searches, filters, picks dates or asks
// at the end — and then the results equal the core's answer over the whole unsharded dataset.
import { test, expect } from './fixtures.js';
import { DATA, deployWith } from './helpers.js';
import { readFileSync } from 'node:fs';
import { coreAnswer } from './oracle.js';

const SOURCE = 'tests/fixtures/archive-source.json';
const manifest = JSON.parse(readFileSync('tests/fixtures/archive/manifest.json', 'utf8'));
const newest = manifest.shards[0];

async function openArchive(page, query = '') {
  await deployWith(page, { 'data-src': `${DATA}/archive/manifest.json` });
  const shards = [];
  page.on('request', (request) => {
    const match = request.url().match(/archive\/(releases-\d+\.json)$/);
    if (match) shards.push(match[1]);
  });
  await page.goto(`/${query}`);
  return shards;
}

async function idsShown(page) {
  return page.locator('article[data-release-id]').evaluateAll((a) => a.map((e) => e.dataset.releaseId));
}

test('only the newest shard loads first, and the page says what is not loaded', async ({ page }) => {
  const shards = await openArchive(page);
  await expect(page.locator('article[data-release-id]')).toHaveCount(newest.count);
  await expect(page.locator('.archive-status')).toContainText(`Showing ${newest.count} of ${coreAnswer('', SOURCE).total} releases`);
  await expect(page.locator('.archive-status')).toHaveAttribute('data-archive-loaded', `1/${manifest.shards.length}`);
  expect(shards).toEqual([newest.url]);
});

test('asking for older releases at the end loads the next shard', async ({ page }) => {
  const shards = await openArchive(page);
  await expect(page.locator('article[data-release-id]')).toHaveCount(newest.count);
  await page.getByRole('button', { name: /Load older releases/ }).click();
  await expect(page.locator('article[data-release-id]')).toHaveCount(newest.count + manifest.shards[1].count);
  expect(shards).toEqual([newest.url, manifest.shards[1].url]);
});

test('a search loads every shard and matches the core over the whole archive', async ({ page }) => {
  const answer = coreAnswer('q=auth', SOURCE);
  const shards = await openArchive(page);
  await expect(page.locator('article[data-release-id]')).toHaveCount(newest.count);
  await page.getByRole('searchbox', { name: 'Search releases' }).fill('auth');
  await expect(page.locator('.archive-status')).toHaveAttribute('data-archive-loaded', `${manifest.shards.length}/${manifest.shards.length}`);
  await expect(page.locator('.result-count')).toBeVisible();
  await expect(page.locator('.result-count')).toHaveAttribute('data-count', String(answer.count));
  expect(await idsShown(page)).toEqual(answer.ids.slice(0, 100));
  expect(new Set(shards).size).toBe(manifest.shards.length);
});

test('a date range loads only the shards it covers', async ({ page }) => {
  const query = 'from=2016-01-01&to=2017-12-31';
  const answer = coreAnswer(query, SOURCE);
  const shards = await openArchive(page, `?${query}`);
  await expect(page.locator('.result-count')).toHaveAttribute('data-count', String(answer.count));
  expect(await idsShown(page)).toEqual(answer.ids);
  expect([...new Set(shards)].sort()).toEqual([newest.url, 'releases-2016.json', 'releases-2017.json'].sort());
});

test('a deep link to a release in an old shard finds it', async ({ page }) => {
  const old = JSON.parse(readFileSync(`tests/fixtures/archive/${manifest.shards.at(-1).url}`, 'utf8')).releases[0];
  await openArchive(page, `releases/${old.id}`);
  await expect(page.locator('h1')).toHaveText(old.title);
});

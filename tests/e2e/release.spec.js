// The release page: from the timeline, a deep link and a filtered view; previous/next in the
// filtered order; related releases; copy link; back restoring scroll and filters; not-found;
// hostile bodies; screenshots for desktop, phone and print.
import { test, expect } from './fixtures.js';
import { watchForErrors } from './helpers.js';
import { readFileSync } from 'node:fs';
import { coreAnswer } from './oracle.js';

const SHOTS = 'target/screenshots';

test('opening a release from the timeline focuses its title and sets title and description', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto('/');
  const id = 'russian-attacks-on-critical-energy-infrastructure';
  await page.locator(`article[data-release-id="${id}"] .release-card__title a`).click();
  await expect(page).toHaveURL(`/releases/${id}`);
  const h1 = page.locator('h1');
  await expect(h1).toBeFocused();
  await expect(page).toHaveTitle('Russian Attacks on Critical Energy Infrastructure in Ukraine Amount to War Crimes — Amnesty International USA');
  const description = await page.locator('meta[name=description]').getAttribute('content');
  expect(description.startsWith('Reacting to the news that Russian attacks on energy facilities')).toBe(true);
  expect(description.length).toBeLessThanOrEqual(161);
  await expect(page.locator('.release__contact a')).toHaveAttribute('href', 'mailto:press@aiusa.org');
  await expect(page.locator('[data-tags="topic"] a').first()).toHaveAttribute('href', '/?topic=War%20crimes');
  expect(errors).toEqual([]);
});

test('from a filtered view, previous and next follow the filtered order', async ({ page }) => {
  const query = 'person=Marie%20Struthers&sort=oldest';
  const order = coreAnswer(query).ids;
  expect(order.length).toBe(5);
  await page.goto(`/?${query}`);
  await page.locator(`article[data-release-id="${order[0]}"] .release-card__title a`).click();
  await expect(page).toHaveURL(`/releases/${order[0]}?${query}`);
  await expect(page.locator('a[rel=prev]')).toHaveCount(0);
  for (let i = 1; i < order.length; i += 1) {
    await page.locator('.release-nav a[rel=next]').click();
    await expect(page).toHaveURL(`/releases/${order[i]}?${query}`);
    await expect(page.locator(`article[data-release-id="${order[i]}"] h1`)).toBeFocused();
    // Oldest first: the release before this one is the older, and the labels say so by date.
    if (i < order.length - 1) {
      await expect(page.locator('.release-nav__previous .release-nav__label')).toHaveText('Older');
      await expect(page.locator('.release-nav__next .release-nav__label')).toHaveText('Newer');
    }
  }
  await expect(page.locator('.release-nav a[rel=next]')).toHaveCount(0);
  await page.locator('.release-nav a[rel=prev]').click();
  await expect(page).toHaveURL(`/releases/${order[order.length - 2]}?${query}`);
  await page.locator('[data-back]').click();
  await expect(page).toHaveURL(`/?${query}`);
  await expect(page.locator('.result-count')).toHaveAttribute('data-count', '5');
  await expect(page.locator('fieldset[data-facet="person"] input[value="Marie Struthers"]')).toBeChecked();
});

test('a deep link with filters gets neighbours in that order, and related links work', async ({ page }) => {
  const query = 'kind=Press%20Release';
  const order = coreAnswer(query).ids;
  const id = order[3];
  await page.goto(`/releases/${id}?${query}`);
  await expect(page.locator('.release-nav a[rel=prev]')).toHaveAttribute('href', `/releases/${order[2]}?${query}`);
  await expect(page.locator('.release-nav a[rel=next]')).toHaveAttribute('href', `/releases/${order[4]}?${query}`);
  // Newest first (the default): the release before this one is the newer.
  await expect(page.locator('.release-nav__previous .release-nav__label')).toHaveText('Newer');
  await expect(page.locator('.release-nav__next .release-nav__label')).toHaveText('Older');
  const related = page.locator('.related__item a');
  await expect(related).toHaveCount(4);
  const target = await page.locator('.related__item').first().getAttribute('data-related-id');
  await related.first().click();
  await expect(page).toHaveURL(`/releases/${target}`);
  await expect(page.locator(`article[data-release-id="${target}"] h1`)).toBeVisible();
});

test('copy link puts the release URL on the clipboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const id = 'ukrainian-fighting-tactics-endanger-civilians';
  await page.goto(`/releases/${id}?kind=Press%20Release`);
  await page.locator('[data-share="copy"]').click();
  await expect(page.locator('.share__message')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/releases/${id}`);
});

test('back to the timeline restores its filters and scroll position', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto('/?kind=Press%20Release');
  const card = page.locator('article[data-release-id]').nth(8);
  await card.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 100));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(500);
  await card.locator('.release-card__title a').click();
  await expect(page.locator('h1')).toBeFocused();
  await page.goBack();
  await expect(page).toHaveURL('/?kind=Press%20Release');
  await expect(page.locator('fieldset[data-facet="kind"] input[value="Press Release"]')).toBeChecked();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 40);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrolled + 40);
});

test('an unknown id shows not-found with a search box', async ({ page }) => {
  await page.goto('/releases/no-such-release');
  await expect(page.locator('[data-not-found="release"] h1')).toHaveText('Release not found');
  await page.getByLabel('Search the releases').fill('yashin');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL('/?q=yashin');
  await expect(page.locator('.result-count')).toHaveAttribute('data-count', '1');
});

test('a hostile body runs nothing and links nowhere dangerous', async ({ page }) => {
  const errors = watchForErrors(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  // Serve the app with the hostile dataset through data-src, as a deploy would configure it.
  await page.route('**/hostile.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: readFileSync('tests/fixtures/hostile-body.json', 'utf8'),
  }));
  await page.route((url) => url.pathname.startsWith('/releases/'), async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<body>', '<body data-src="/hostile.json">');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/releases/hostile');
  await expect(page.locator('h1')).toHaveText('A body full of attacks');
  await expect(page.locator('.release__body a')).toHaveCount(1);
  await expect(page.locator('.release__body a')).toHaveAttribute('href', 'https://example.org/safe');
  await expect(page.locator('.release__body')).toContainText('javascript link');
  const dangerous = await page.evaluate(() => [...document.querySelectorAll('[href], [src], [action], [formaction]')]
    .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('formaction'))
    .filter((value) => /^\s*(javascript|data|vbscript):/i.test(value)));
  expect(dangerous).toEqual([]);
  const handlers = await page.evaluate(() => [...document.querySelectorAll('main *')]
    .flatMap((el) => [...el.attributes].map((a) => a.name))
    .filter((name) => name.startsWith('on')));
  expect(handlers).toEqual([]);
  await expect(page.locator('main script, main iframe, main svg, main img')).toHaveCount(0);
  await page.locator('.release-nav a[rel=next]').click();
  await expect(page.locator('h1')).toHaveText('A plain neighbour');
  await page.waitForTimeout(200);
  expect(errors).toEqual([]);
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
});

test('screenshots: desktop, phone and print', async ({ page }) => {
  const id = 'securing-evidence-as-ukraine-retakes-territory';
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`/releases/${id}`);
  await expect(page.locator('h1')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/release-page-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: `${SHOTS}/release-page-phone.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await expect(page.locator('.release-nav')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.share')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/release-page-print.png`, fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages, 'a release prints on one page').toBe(1);
});

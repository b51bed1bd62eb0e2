// End-to-end tests of the release build (`trunk build --release`), served over HTTP with an
// index.html fallback, in headless Chromium.
import { test, expect } from './fixtures.js';
import { watchForErrors } from './helpers.js';

const SHOTS = 'target/screenshots';

test.describe('timeline', () => {
  test('shows the 12 seed releases grouped by month, newest first', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto('/');
    const articles = page.locator('article[data-release-id]');
    await expect(articles).toHaveCount(12);
    const status = page.locator('.result-count');
    await expect(status).toHaveAttribute('data-count', '12');
    await expect(status).toHaveText('12 releases');
    await expect(page.locator('h1')).toHaveText('Ukraine: news and press releases');
    await expect(page.locator('.timeline-month__heading')).toHaveText([
      'November 2022', 'October 2022', 'September 2022', 'August 2022', 'July 2022', 'June 2022',
    ]);
    const dates = await page.locator('article[data-release-id] time').evaluateAll(
      (times) => times.map((time) => time.getAttribute('datetime')),
    );
    expect(dates[0]).toBe('2022-11-10');
    expect(dates[11]).toBe('2022-06-29');
    expect([...dates].sort().reverse()).toEqual(dates);
    const kinds = await page.locator('article .kind-label').allTextContents();
    expect(kinds.filter((k) => k === 'Press Release')).toHaveLength(10);
    expect(kinds).toContain('Report');
    expect(kinds).toContain('Statement');
    await expect(page.locator('.person__name')).toHaveCount(6);
    await expect(page.locator('article .photo-credit')).toHaveCount(7);
    await expect(page).toHaveTitle('Ukraine: news and press releases — Amnesty International USA');
    await page.screenshot({ path: `${SHOTS}/timeline-desktop.png`, fullPage: false });
    expect(errors).toEqual([]);
  });

  test('fits a 320 px phone without scrolling sideways', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto('/');
    await expect(page.locator('article[data-release-id]')).toHaveCount(12);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/timeline-phone.png` });
  });

  test('a click on a title opens its detail page and back returns', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto('/');
    const id = 'securing-evidence-as-ukraine-retakes-territory';
    await page.locator(`article[data-release-id="${id}"] .release-card__title a`).click();
    await expect(page).toHaveURL(`/releases/${id}`);
    const article = page.locator(`article[data-release-id="${id}"]`);
    await expect(article.locator('h1')).toHaveText(
      'As Ukraine Retakes Territory from Russia, Securing Evidence of Alleged War Crimes is Crucial',
    );
    await expect(article.locator('time')).toHaveAttribute('datetime', '2022-09-12');
    await expect(article.locator('.person__name')).toHaveText('Marie Struthers');
    await expect(article.locator('figcaption')).toContainText('JUAN BARRETO/AFP via Getty Images');
    await expect(article.locator('.tag')).toContainText(['War crimes']);
    await page.screenshot({ path: `${SHOTS}/release-desktop.png` });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: `${SHOTS}/release-phone.png` });
    await page.goBack();
    await expect(page.locator('article[data-release-id]')).toHaveCount(12);
    expect(errors).toEqual([]);
  });
});

test.describe('release page', () => {
  test('a deep link loads directly', async ({ page }) => {
    const errors = watchForErrors(page);
    const response = await page.goto('/releases/deadly-mariupol-theatre-strike-a-clear-war-crime');
    expect(response.status()).toBe(200);
    const article = page.locator('article[data-release-id="deadly-mariupol-theatre-strike-a-clear-war-crime"]');
    await expect(article.locator('h1')).toContainText('Deadly Mariupol Theatre Strike');
    await expect(article.locator('.kind-label')).toHaveText('Report');
    await expect(article.locator('time')).toHaveText('June 29, 2022');
    await expect(page).toHaveTitle(/^Deadly Mariupol Theatre Strike.* — Amnesty International USA$/);
    await expect(page.locator('.press-contact a')).toHaveAttribute('href', 'mailto:press@aiusa.org');
    expect(errors).toEqual([]);
  });

  test('an unknown id shows a not-found view with a way back', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto('/releases/no-such-release');
    await expect(page.locator('[data-not-found="release"] h1')).toHaveText('Release not found');
    await expect(page.locator('[data-not-found] code')).toHaveText('no-such-release');
    await page.getByRole('link', { name: 'See all releases' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.locator('article[data-release-id]')).toHaveCount(12);
    expect(errors).toEqual([]);
  });

  test('an unknown page shows a not-found view', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.locator('[data-not-found="page"] h1')).toHaveText('Page not found');
  });
});

test.describe('languages', () => {
  test('English loads no catalogue; another language fetches only its own, before the first render', async ({ page }) => {
    const catalogues = [];
    page.on('request', (r) => r.url().includes('/i18n/') && catalogues.push(new URL(r.url()).pathname));
    await page.goto('/');
    await expect(page.locator('.result-count')).toHaveText('12 releases');
    expect(catalogues).toEqual([]);

    await page.goto('/?lang=uk');
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.locator('.result-count')).toHaveText('12 релізів');
    await expect(page.locator('.filters__toggle')).toHaveText('Фільтри');
    await expect(page.locator('.timeline-month__heading').first()).toHaveText('листопад 2022 р.');
    expect(catalogues).toEqual(['/i18n/uk.json']);
  });

  test('the switcher changes the language in place, keeps the view, and Back returns', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto('/?kind=Report');
    await expect(page.locator('.result-count')).toHaveText('1 of 12 releases');
    await page.locator('.language-switcher__current').click();
    await page.getByRole('link', { name: 'العربية' }).click();
    await expect(page.locator('.language-switcher')).not.toHaveAttribute('open', '');
    await expect(page).toHaveURL(/\?kind=Report&lang=ar$/);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.result-count')).toHaveText('1 من أصل 12 بيانًا صحفيًا');
    // Links keep the chosen language.
    await expect(page.locator('.release-card__title a').first()).toHaveAttribute('href', /lang=ar/);
    await page.goBack();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('.result-count')).toHaveText('1 of 12 releases');
    expect(errors).toEqual([]);
  });
});

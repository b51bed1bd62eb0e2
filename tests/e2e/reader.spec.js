// What readers notice: a header that stays put, dates that read right in Arabic, credits that
// say what they are.
import { test, expect, appStarted } from './fixtures.js';
import AxeBuilder from '@axe-core/playwright';
import { describeViolations } from './helpers.js';

const RELEASE = 'russias-unlawful-transfer-of-civilians-a-war-crime';

for (const lang of ['en', 'uk', 'ar']) {
  for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
    test(`${lang}, ${viewport.width} px: the header is in the same place on the timeline and a release page`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, locale: lang });
      const page = await context.newPage();
      const where = async () => {
        await appStarted(page);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        return Promise.all(['.site-header__name', '.language-switcher'].map((s) => page.locator(s).boundingBox()));
      };
      await page.goto('/');
      const onTimeline = await where();
      await page.goto(`/releases/${RELEASE}`);
      expect(await where()).toEqual(onTimeline);
      await context.close();
    });
  }
}

test('in Arabic, each card\'s date reads right to left inside the English card', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ar', viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.goto('/');
  await appStarted(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  const dates = page.locator('.release-card time');
  await expect(dates.first()).toHaveText(/نوفمبر/);
  const directions = await dates.evaluateAll((all) => all.map((time) => [getComputedStyle(time).direction, getComputedStyle(time.closest('article')).direction]));
  expect(directions.length).toBeGreaterThan(0);
  for (const [date, card] of directions) {
    expect(date).toBe('rtl');
    expect(card).toBe('ltr');
  }
  await page.goto(`/releases/${RELEASE}`);
  await appStarted(page);
  await expect(page.locator('article.release time')).toHaveAttribute('dir', 'rtl');
  await context.close();
});

test('a credit without its picture says so, once, without the source\'s own "Фото:"', async ({ page }) => {
  await page.goto('/');
  const credits = page.locator('.release-card .photo-credit');
  await expect(credits).toHaveCount(7);
  for (const text of await credits.allTextContents()) {
    expect(text).toMatch(/^Photo \(not shown\): \S/);
    expect(text).not.toMatch(/Фото|Photo:.*Photo/);
  }
});

for (const locale of ['en-US', 'uk', 'ar']) {
  for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
    test(`${viewport.width} px ${locale}: the search box is on the first screen without opening anything, and searches`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport, isMobile: viewport.width < 800, hasTouch: viewport.width < 800 });
      const page = await context.newPage();
      await page.goto('/');
      await appStarted(page);
      const box = page.locator('#search-input');
      await expect(box).toBeVisible();
      await expect(box).toBeInViewport({ ratio: 1 });
      await box.fill('mariupol');
      await expect(page).toHaveURL(/q=mariupol/);
      await expect(page.locator('.result-count')).not.toHaveAttribute('data-count', '12');
      await context.close();
    });
  }
}

test('a shared filtered link shows its filters as chips, each removing itself', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/?topic=War%20crimes&q=theatre');
  const chips = page.locator('.active-filters .chip');
  await expect(chips).toHaveCount(2);
  await expect(chips.nth(0)).toHaveText(/Search\s*“theatre”/);
  await expect(chips.nth(1)).toHaveText(/Topic\s*War crimes/);
  await expect(chips.nth(1)).toHaveAccessibleName('Remove Topic: War crimes');
  await expect(chips.first()).toBeInViewport();
  await chips.nth(1).click();
  await expect(page).toHaveURL('/?q=theatre');
  await expect(chips).toHaveCount(1);
  await page.locator('.active-filters__clear').click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('.active-filters')).toHaveCount(0);
});

test('on a phone the facets open in a drawer that "Show N releases" closes', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  await appStarted(page);
  await page.locator('.filters__toggle').tap();
  const drawer = page.locator('.filters__body');
  await expect(drawer).toBeInViewport();
  const box = await drawer.boundingBox();
  expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 812 });
  const show = page.locator('.filters__show');
  await expect(show).toHaveText('Show 12 releases');
  await page.locator('fieldset[data-facet="kind"] input[value="Report"]').check();
  await expect(show).toHaveText('Show 1 release');
  await expect(show).toBeInViewport();
  await show.tap();
  await expect(drawer).toBeHidden();
  await expect(page.locator('.filters__toggle')).toBeFocused();
  await expect(page).toHaveURL('/?kind=Report');
  await expect(page.locator('.active-filters .chip')).toHaveText([/Kind\s*Report/]);
  // Escape closes it too.
  await page.locator('.filters__toggle').tap();
  await expect(drawer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await context.close();
});

test('common kinds are in the reader\'s language, and each badge has its legend colour', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'uk', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await appStarted(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  const badge = page.locator('.release-card .kind-label').first();
  await expect(badge).toHaveText('Пресреліз');
  await expect(badge).toHaveAttribute('lang', 'uk');
  await expect(page.locator('.histogram__legend li').first()).toHaveText('Пресреліз');
  await expect(page.locator('fieldset[data-facet="kind"] .facet__name').first()).toHaveText('Пресреліз');
  // The filter's value stays the dataset's.
  await expect(page.locator('fieldset[data-facet="kind"] input').first()).toHaveAttribute('value', 'Press Release');
  const colours = await page.evaluate(() => {
    const swatch = (el) => getComputedStyle(el, '::before').backgroundColor;
    const legend = [...document.querySelectorAll('.histogram__legend li')].map(swatch);
    return [...document.querySelectorAll('.release-card .kind-label')].map((badge) => {
      const k = Number([...badge.classList].find((c) => c.startsWith('kind-label--')).slice('kind-label--'.length));
      return [getComputedStyle(badge).backgroundColor, legend[k]];
    });
  });
  expect(colours.length).toBe(12);
  for (const [badgeColour, legendColour] of colours) expect(badgeColour).toBe(legendColour);
  await context.close();
});

test('without JavaScript a submitted search says search needs it and links to the data', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const note = page.locator('#search-needs-script');
  await expect(note).toBeHidden();
  await page.locator('#search-input').fill('Mariupol');
  await page.locator('#search-input').press('Enter');
  await expect(page).toHaveURL(/\?q=Mariupol#search-needs-script$/);
  await expect(note).toBeVisible();
  await expect(note).toContainText('Search needs JavaScript');
  const data = await note.locator('a').getAttribute('href');
  const response = await page.request.get(new URL(data, page.url()).href);
  expect(response.ok()).toBe(true);
  expect((await response.json()).releases).toHaveLength(12);
  await context.close();
});

test('with JavaScript the same address searches, without the note', async ({ page }) => {
  await page.goto('/?q=Mariupol#search-needs-script');
  await expect(page.locator('.result-count')).not.toHaveAttribute('data-count', '12');
  await expect(page.locator('#search-needs-script')).toBeHidden();
  expect(new URL(page.url()).hash).toBe('');
});

test('a search in another alphabet than the releases\' says why it finds nothing', async ({ page }) => {
  await page.goto('/?q=%D0%BA%D0%B8%D1%97%D0%B2');
  await expect(page.locator('[data-empty-state]')).toBeVisible();
  await expect(page.locator('.empty-state__script')).toHaveText(/written in English: words in another alphabet find nothing/);
  await page.goto('/?q=zzzzq');
  await expect(page.locator('[data-empty-state]')).toBeVisible();
  await expect(page.locator('.empty-state__script')).toHaveCount(0);
});

const PUBLISHED = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8199) - 4}`;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// A shared filtered link, in each language the issue names, on a phone and a desktop: the search
// box is on the first screen without opening anything, the filters are chips that remove
// themselves, the drawer (phone) passes axe.
for (const lang of ['en', 'uk', 'ar']) {
  for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
    test(`${lang}, ${viewport.width} px: search in view, a shared link's filters as chips, axe clean`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, locale: lang });
      const page = await context.newPage();
      await page.goto('/?topic=War%20crimes&q=theatre');
      await appStarted(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.locator('#search-input')).toBeInViewport();
      await expect(page.locator('#search-input')).toHaveValue('theatre');
      // The releases are English: a Ukrainian or Arabic reader is told where they would type.
      const placeholder = await page.locator('#search-input').getAttribute('placeholder');
      if (lang === 'en') expect(placeholder).not.toContain('English');
      else expect(placeholder).toContain('English');
      const chips = page.locator('.active-filters .chip');
      await expect(chips).toHaveCount(2);
      await expect(chips.nth(1)).toContainText('War crimes');
      await expect(chips.first()).toBeInViewport();
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(results.violations, describeViolations(results.violations)).toEqual([]);
      if (viewport.width < 600) {
        await page.locator('.filters__toggle').click();
        await expect(page.locator('.filters__body')).toBeInViewport();
        await expect(page.locator('fieldset[data-facet]:not([hidden])')).toHaveCount(6);
        const drawer = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(drawer.violations, describeViolations(drawer.violations)).toEqual([]);
        await page.locator('.filters__show').click();
      }
      await chips.nth(1).click();
      await expect(page).toHaveURL(new RegExp(`/\\?q=theatre&lang=${lang}$|/\\?q=theatre$`));
      await expect(chips).toHaveCount(1);
      await expect(page.locator('.timeline__results')).toHaveAttribute('data-rendered-query', 'q=theatre');
      await context.close();
    });
  }
}

test('a person beside a cut-off quote is a spokesperson; beside a quotation, quoted', async ({ page }) => {
  await page.goto('/');
  // Every seed summary ends "…, said:" (the listing cut the quote off).
  const labels = page.locator('.release-card .people-quoted__label');
  await expect(labels.first()).toBeVisible();
  for (const label of await labels.allTextContents()) expect(label.trim()).toBe('Spokesperson:');
});

test('the histogram names a few periods under their bars, none twice; a tap shows a count before it filters', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  await appStarted(page);
  const ticks = page.locator('.histogram__tick');
  await expect(ticks.first()).toBeVisible();
  const names = await ticks.allTextContents();
  expect(names.length).toBeGreaterThan(1);
  expect(names.length).toBeLessThanOrEqual(7);
  expect(new Set(names).size).toBe(names.length);
  // On a phone every other name is dropped, the ends kept, and none overlaps the next.
  const shown = await page.locator('.histogram__tick--major').evaluateAll((all) => all.map((el) => el.getBoundingClientRect()).map((r) => [r.left, r.right]));
  for (let i = 1; i < shown.length; i++) expect(shown[i][0]).toBeGreaterThanOrEqual(shown[i - 1][1]);
  // The last bar: the first tap says how many, the second filters.
  const plot = page.locator('.histogram__plot');
  const box = await plot.boundingBox();
  const lastBar = { x: box.width - 2, y: box.height / 3 };
  await plot.tap({ position: lastBar });
  await expect(page.locator('#histogram-status')).toContainText('Tap again to show them.');
  await expect(page).toHaveURL('/');
  await plot.tap({ position: lastBar });
  await expect(page).toHaveURL(/\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$/);
  await expect(page.locator('.result-count')).not.toHaveAttribute('data-count', '12');
  await context.close();
});

test('the language switcher is plain links that keep the view', async ({ page }) => {
  await page.goto('/?kind=Report');
  await appStarted(page);
  const links = page.locator('.language-switcher a[hreflang]');
  await expect(links).toHaveCount(6);
  await expect(page.locator('.language-switcher a[hreflang="uk"]')).toHaveAttribute('href', /\?kind=Report&lang=uk$/);
  await expect(page.locator('.language-switcher a[aria-current="true"]')).toHaveAttribute('hreflang', 'en');
});

test('without JavaScript the controls only the app can carry out are gone, and a note says why', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('article[data-release-id]')).toHaveCount(12);
  await expect(page.locator('.needs-script-note')).toBeVisible();
  await expect(page.locator('.needs-script-note')).toContainText('need JavaScript');
  for (const control of ['.filters', '.sort-control', '.language-switcher', '.timeline__tools', '.histogram__hints']) {
    await expect(page.locator(control).first(), control).toBeHidden();
  }
  // The search box stays: submitted, it says that search needs JavaScript (above).
  await expect(page.locator('#search-input')).toBeVisible();
  await page.goto(`/releases/${RELEASE}`);
  await expect(page.locator('article.release h1')).toBeVisible();
  await expect(page.locator('.share')).toBeHidden();
  await context.close();
  // With JavaScript the note is never shown.
  const live = await browser.newPage();
  await live.goto('/');
  await appStarted(live);
  await expect(live.locator('.needs-script-note')).toBeHidden();
  await expect(live.locator('.sort-control')).toBeVisible();
  await live.close();
});

test('a published deploy links its feeds from the footer of every page', async ({ page }) => {
  await page.goto(`${PUBLISHED}/`);
  await appStarted(page);
  const feeds = page.locator('.site-footer__feeds a');
  await expect(feeds).toHaveCount(2);
  for (const [i, type] of [[0, 'application/atom+xml'], [1, 'application/feed+json']]) {
    await expect(feeds.nth(i)).toHaveAttribute('type', type);
    const response = await page.request.get(await feeds.nth(i).getAttribute('href'));
    expect(response.ok()).toBe(true);
  }
  await page.goto(`${PUBLISHED}/releases/${RELEASE}`);
  await expect(page.locator('.site-footer__feeds a')).toHaveCount(2);
  // A build without a known address has no feeds, and links none.
  await page.goto('/');
  await appStarted(page);
  await expect(page.locator('.site-footer__feeds')).toHaveCount(0);
});

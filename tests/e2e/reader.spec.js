// What readers notice: a header that stays put, dates that read right in Arabic, credits that
// say what they are.
import { test, expect, appStarted } from './fixtures.js';

const RELEASE = 'russias-unlawful-transfer-of-civilians-a-war-crime';

for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
  test(`${viewport.width} px: the header is in the same place on the timeline and a release page`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const where = async () => page.locator('.site-header__name').boundingBox();
    await page.goto('/');
    const onTimeline = await where();
    await page.goto(`/releases/${RELEASE}`);
    expect(await where()).toEqual(onTimeline);
  });
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

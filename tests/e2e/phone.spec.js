// A phone's first screen shows the news: the timeline's title and first headline on the first
// screen, cards clamped for scanning (a search match past the clamp still shows), the histogram's
// hint fitting the hand, and a release page that leads with its own headline.
import { test, expect } from './fixtures.js';
import { watchForErrors } from './helpers.js';

const SHOTS = 'target/screenshots';
const PHONES = [
  { width: 320, height: 568 },
  { width: 375, height: 812 },
];
const DESKTOP = { width: 1280, height: 900 };
// The seed's newest release, whose page a journalist would be sent to.
const RELEASE = 'russias-unlawful-transfer-of-civilians-a-war-crime';

/** A phone's browser: its screen, touch, and the reader's language. */
async function phone(browser, viewport, locale) {
  const context = await browser.newContext({ viewport, locale, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

/** Waits for the app to adopt (or replace) the prerendered page, as fixtures.js's `goto` does. */
async function open(page, path) {
  await page.goto(path);
  await page.waitForFunction(() => {
    const prerendered = document.getElementById('pressline-prerendered');
    return !prerendered || prerendered.hasAttribute('data-adopted');
  });
}

/** The element's box in page coordinates. */
function pageBox(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right };
  });
}

for (const locale of ['en-US', 'ar']) {
  for (const viewport of PHONES) {
    test(`${viewport.width}×${viewport.height} ${locale}: the title and the first release's kind, date and headline are on the first screen`, async ({ browser }) => {
      const { context, page } = await phone(browser, viewport, locale);
      const errors = watchForErrors(page);
      await open(page, '/');
      await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
      const card = page.locator('.release-card').first();
      for (const part of [page.locator('h1'), card.locator('.kind-label'), card.locator('time'), card.locator('.release-card__title')]) {
        const box = await pageBox(part);
        expect(box.top, await part.textContent()).toBeGreaterThanOrEqual(0);
        expect(box.bottom, await part.textContent()).toBeLessThanOrEqual(viewport.height);
      }
      // The histogram and the filters are still there, compact and one tap away.
      await expect(page.locator('.histogram__plot')).toBeInViewport();
      await expect(page.locator('.filters__toggle')).toBeInViewport();
      expect(errors).toEqual([]);
      await context.close();
    });

    test(`${viewport.width}×${viewport.height} ${locale}: a release page starts with its own headline`, async ({ browser }) => {
      const { context, page } = await phone(browser, viewport, locale);
      await open(page, `/releases/${RELEASE}`);
      const heading = await pageBox(page.locator('h1'));
      expect(heading.top).toBeLessThanOrEqual(300);
      // Previous and next come after the release's content, not before its headline.
      const article = await pageBox(page.locator('article.release'));
      const neighbours = await pageBox(page.locator('.release-nav'));
      expect(neighbours.top).toBeGreaterThanOrEqual(article.bottom);
      await expect(page.locator('[data-back]')).toBeInViewport();
      await context.close();
    });
  }

  test(`1280×900 ${locale}: the desktop keeps the filters beside the results, and the release page leads with the release`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: DESKTOP, locale });
    const page = await context.newPage();
    await open(page, '/');
    // The filters' column starts level with the search box above the results.
    const filters = await pageBox(page.locator('details.filters'));
    const search = await pageBox(page.locator('.search-box'));
    const results = await pageBox(page.locator('.timeline__results'));
    expect(filters.top).toBeCloseTo(search.top, -1);
    expect(locale === 'ar' ? filters.left > results.right - 1 : filters.right < results.left + 1).toBe(true);
    await open(page, `/releases/${RELEASE}`);
    const heading = await pageBox(page.locator('h1'));
    expect(heading.top).toBeLessThanOrEqual(300);
    await context.close();
  });
}

test('the seed timeline on a 375 px phone is short enough to scan, its cards clamped', async ({ browser }) => {
  const { context, page } = await phone(browser, PHONES[1], 'en-US');
  await open(page, '/');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThanOrEqual(4500);
  // Long summaries are cut to a few lines on the card (the whole text is on the release page).
  const clamped = await page.locator('.release-card__summary').evaluateAll((all) => all.filter((p) => p.scrollHeight > p.clientHeight + 1).length);
  expect(clamped).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/timeline-phone-375.png` });
  await context.close();
});

test('a search whose match sits past the clamp shows the highlighted match on the card', async ({ browser }) => {
  const { context, page } = await phone(browser, PHONES[0], 'en-US');
  // "researchers" is the 323rd character of this release's summary, far past three lines.
  await open(page, '/?q=researchers');
  const card = page.locator('.release-card[data-release-id="statement-for-the-record-hfac-russia-war-crimes-hearing"]');
  const summary = card.locator('.release-card__summary');
  await expect(summary).toHaveText(/^… /);
  const mark = summary.locator('mark').first();
  await expect(mark).toHaveText(/researchers/i);
  const [markBox, summaryBox] = [await pageBox(mark), await pageBox(summary)];
  expect(markBox.bottom).toBeLessThanOrEqual(summaryBox.bottom + 1);
  // Without a search the card opens with the summary's first words.
  await open(page, '/');
  await expect(card.locator('.release-card__summary')).not.toHaveText(/^… /);
  await context.close();
});

test('a long description is clamped on a phone and opens with "More"', async ({ browser }) => {
  const { context, page } = await phone(browser, PHONES[0], 'en-US');
  await open(page, '/');
  const description = page.locator('.timeline__description');
  const more = page.locator('.timeline__more');
  const clipped = () => description.evaluate((p) => p.scrollHeight > p.clientHeight + 1);
  expect(await clipped()).toBe(true);
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.tap();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  expect(await clipped()).toBe(false);
  await more.tap();
  expect(await clipped()).toBe(true);
  await context.close();
});

test('the histogram speaks to the hand in use: touch, mouse, keyboard; screen readers hear it all', async ({ browser, page }) => {
  // A touch phone: the hint waits behind "?" and says "Tap".
  const { context, page: touch } = await phone(browser, PHONES[1], 'en-US');
  await open(touch, '/');
  const hints = touch.locator('.histogram__hints');
  await expect(touch.locator('.histogram__plot')).toBeVisible();
  await expect(hints).toBeHidden();
  await touch.locator('.histogram__how').tap();
  await expect(hints).toBeVisible();
  await expect(touch.locator('.histogram__hint--touch')).toBeVisible();
  await expect(touch.locator('.histogram__hint--touch')).toHaveText(/^Tap /);
  await expect(touch.locator('.histogram__hint--pointer')).toBeHidden();
  await context.close();

  // A desktop with a mouse: "Click", and the keyboard's words once the chart has keyboard focus.
  await page.setViewportSize(DESKTOP);
  await page.goto('/');
  await expect(page.locator('.histogram__hint--pointer')).toBeVisible();
  await expect(page.locator('.histogram__hint--pointer')).toHaveText(/^Click /);
  await expect(page.locator('.histogram__hint--keys')).toBeHidden();
  await page.locator('.histogram__plot').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.histogram__hint--keys')).toBeVisible();
  await expect(page.locator('.histogram__hint--pointer')).toBeHidden();
  // The chart's description for screen readers is the whole help, whatever is shown.
  const described = await page.locator('.histogram__plot').evaluate((plot) => plot.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
  expect(described).toContain('Click a bar or drag across bars to choose dates. With the keyboard: arrows move');
});

test('the phone\'s largest paint is the news: a release headline or the page title', async ({ browser }) => {
  for (const viewport of PHONES) {
    const { context, page } = await phone(browser, viewport, 'en-US');
    await page.addInitScript(() => {
      window.__lcp = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__lcp.push(entry.element);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await open(page, '/');
    await page.waitForTimeout(500);
    const largest = await page.evaluate(() => {
      const el = window.__lcp.at(-1);
      return el && (el.closest('.release-card__title') ? 'headline' : el.closest('.timeline__title') ? 'title' : el.outerHTML.slice(0, 80));
    });
    expect(['headline', 'title'], `${viewport.width}: ${largest}`).toContain(largest);
    await context.close();
  }
});

// A newsroom in three languages (tests/fixtures/newsroom/, published over dist/ with its
// pictures by the Makefile's `published` target): each version links the others both ways, the
// published pages and the sitemap carry the hreflang alternates, the language facet counts as
// the core does, press contacts are cards with a vCard to save, pictures keep their place at
// 320 and 1280 px and load lazily below the fold, and axe finds nothing in light or dark, in
// English or Arabic.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { coreAnswer } from './oracle.js';
import { describeViolations, watchForErrors } from './helpers.js';

const port = Number(process.env.E2E_PORT ?? 8199);
const NEWSROOM = `http://127.0.0.1:${port - 9}`;
const DIST = 'target/dist-newsroom';
const SOURCE = JSON.parse(readFileSync('tests/fixtures/newsroom/newsroom.json', 'utf8'));
// What the pages were published from: the fixture with its pictures' sizes made by `--images`.
const PUBLISHED_DATA = `${DIST}/data/site.json`;
const site = JSON.parse(readFileSync(PUBLISHED_DATA, 'utf8'));
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.use({ baseURL: NEWSROOM });

/** A release's language: its own, else the dataset's. */
const langOf = (release) => release.lang ?? SOURCE.lang;

/** The other versions of a release, as the test reads them from the fixture itself. */
function versionsOf(release) {
  if (!release.translation_key) return [];
  return SOURCE.releases
    .filter((other) => other.translation_key === release.translation_key && other.id !== release.id)
    .map((other) => ({ id: other.id, lang: langOf(other) }))
    .sort((a, b) => a.lang.localeCompare(b.lang));
}

/** Waits for the app's own page (a published page of a fetched dataset is replaced by it). */
async function live(page) {
  await expect(page.locator('#pressline-prerendered')).toHaveCount(0);
}

test.describe('translations', () => {
  const stories = SOURCE.releases.filter((release) => versionsOf(release).length > 0);

  test('every version links each other version, named in its language, and the link leads there', async ({ page }) => {
    const errors = watchForErrors(page);
    expect(stories.length).toBeGreaterThanOrEqual(10);
    for (const release of stories) {
      await page.goto(`/releases/${release.id}`);
      await live(page);
      await expect(page.locator(`article[data-release-id="${release.id}"]`)).toHaveAttribute('lang', langOf(release));
      const links = page.locator('[data-also-in] a');
      const expected = versionsOf(release);
      await expect(links).toHaveCount(expected.length);
      for (const [n, version] of expected.entries()) {
        const link = links.nth(n);
        await expect(link).toHaveAttribute('data-version', version.id);
        await expect(link).toHaveAttribute('hreflang', version.lang);
        await expect(link).toHaveAttribute('lang', version.lang);
        await expect(link).toHaveAttribute('href', new RegExp(`/releases/${version.id}$`));
      }
      // Versions are not "related releases": they are listed once, above.
      for (const version of expected) {
        await expect(page.locator(`.related a[href$="/releases/${version.id}"]`)).toHaveCount(0);
      }
    }
    // Followed: the Ukrainian version's page links back to the English one.
    await page.goto('/releases/kharkiv-strike');
    await live(page);
    await page.locator('[data-also-in] a[hreflang="uk"]').click();
    await expect(page).toHaveURL(/\/releases\/kharkiv-strike-uk$/);
    await expect(page.locator('.release__title')).toHaveText('Харків: удар по школі має бути розслідуваний');
    await expect(page.locator('[data-also-in] a[hreflang="en"]')).toHaveText('English');
    await expect(page.locator('[data-also-in] a[hreflang="ru"]')).toHaveText('Русский');
    // Older/newer step through the stories in the language being read, never to another
    // version of the same story.
    await expect(page.locator('.release-nav a[rel="next"]')).toHaveAttribute('href', /\/releases\/detention-report-uk$/);
    await page.goto('/releases/kharkiv-strike');
    await live(page);
    await expect(page.locator('.release-nav a[rel="next"]')).toHaveAttribute('href', /\/releases\/detention-report$/);
    // A release with no other version says nothing about versions.
    await page.goto('/releases/kyiv-shelters');
    await live(page);
    await expect(page.locator('.release__title')).toBeVisible();
    await expect(page.locator('[data-also-in]')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('published pages carry hreflang alternates, and the sitemap xhtml:link ones, for every version', async ({ request }) => {
    const sitemap = await (await request.get('/sitemap.xml')).text();
    for (const release of stories) {
      const html = await (await request.get(`/releases/${release.id}`)).text();
      const group = [{ id: release.id, lang: langOf(release) }, ...versionsOf(release)];
      const found = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)" \/>/g)]
        .map(([, lang, href]) => ({ lang, href }));
      expect(found, release.id).toEqual(
        group
          .sort((a, b) => a.lang.localeCompare(b.lang))
          .map((version) => ({ lang: version.lang, href: `${NEWSROOM}/releases/${version.id}` })),
      );
      const entry = sitemap.match(new RegExp(`<url><loc>${NEWSROOM}/releases/${release.id}</loc>.*?</url>`))?.[0];
      expect(entry, `sitemap entry of ${release.id}`).toBeTruthy();
      for (const version of group) {
        expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="${version.lang}" href="${NEWSROOM}/releases/${version.id}"/>`);
      }
    }
    // A release without versions has no alternates at all.
    const single = await (await request.get('/releases/kyiv-shelters')).text();
    expect(single).not.toMatch(/<link rel="alternate" hreflang=/);
  });
});

test.describe('the language facet', () => {
  /** The facet's counts on the page, as {value: count}. */
  async function facetCounts(page) {
    const options = page.locator('[data-facet="content_lang"] input');
    const counts = {};
    for (const input of await options.all()) {
      const value = await input.getAttribute('value');
      const count = await page.locator(`[data-facet="content_lang"] label:has(input[value="${value}"]) .facet__count`).innerText();
      counts[value] = Number(count.replace(/\D/g, ''));
    }
    return counts;
  }

  for (const ui of ['en', 'uk', 'ar']) {
    test(`in the ${ui} UI, each story once in the reader's language, counts as the core's`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/${ui === 'en' ? '' : `?lang=${ui}`}`);
      await live(page);
      // Releases in the reader's language exist: the search box does not say they are in English.
      await expect(page.locator('#search-input')).not.toHaveAttribute('placeholder', /English/);
      const core = coreAnswer('', PUBLISHED_DATA, ui);
      await expect(page.locator('.release-card')).toHaveCount(core.count);
      const shown = await page.locator('.release-card').evaluateAll((cards) => cards.map((c) => c.dataset.releaseId));
      expect(shown).toEqual(core.ids);
      expect(core.count).toBeLessThan(SOURCE.releases.length);
      // Each story once.
      const keys = shown.map((id) => SOURCE.releases.find((r) => r.id === id).translation_key).filter(Boolean);
      expect(new Set(keys).size).toBe(keys.length);
      expect(await facetCounts(page)).toEqual(core.facet_counts.content_lang);
      // Choosing a language shows every release in it, and the count the facet gave.
      const uk = SOURCE.releases.filter((r) => langOf(r) === 'uk').map((r) => r.id);
      await page.locator('[data-facet="content_lang"] input[value="uk"]').check();
      await expect(page).toHaveURL(/content_lang=uk/);
      await expect(page.locator('.release-card')).toHaveCount(uk.length);
      expect(core.facet_counts.content_lang.uk).toBe(uk.length);
      const chosen = coreAnswer('content_lang=uk', PUBLISHED_DATA, ui);
      expect(await page.locator('.release-card').evaluateAll((cards) => cards.map((c) => c.dataset.releaseId))).toEqual(chosen.ids);
    });
  }
});

test.describe('press kit', () => {
  test('contact cards: the release\'s own, else the dataset\'s, with mailto and tel links and a vCard to save', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto('/releases/kharkiv-strike');
    await live(page);
    const own = SOURCE.releases.find((r) => r.id === 'kharkiv-strike').contacts;
    const cards = page.locator('.release__contact .contact-card');
    await expect(cards).toHaveCount(own.length);
    await expect(cards.first().locator('.contact-card__name')).toHaveText(own[0].name);
    await expect(cards.first().locator('.contact-card__email')).toHaveAttribute('href', `mailto:${own[0].email}`);
    await expect(cards.first().locator('.contact-card__phone')).toHaveAttribute('href', 'tel:+380445550102');
    await expect(cards.first().locator('.contact-card__languages')).toHaveText('Languages: Українська, Русский, English');

    const download = page.waitForEvent('download');
    await cards.first().locator('[data-vcard]').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('olena-kovalenko.vcf');
    const vcard = readFileSync(await file.path(), 'utf8');
    const lines = vcard.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCARD');
    expect(lines[1]).toBe('VERSION:4.0');
    expect(lines).toContain('FN:Olena Kovalenko');
    expect(lines.some((line) => /^EMAIL.*:olena\.k@example\.org$/.test(line))).toBe(true);
    expect(lines.some((line) => /^TEL.*:\+380445550102$/.test(line) || /^TEL.*tel:\+380445550102$/.test(line))).toBe(true);
    expect(lines.some((line) => /^ORG.*:Example Rights Watch$/.test(line))).toBe(true);
    expect(lines.at(-2)).toBe('END:VCARD');

    // The boilerplate ends the release, and the footer lists the dataset's contacts.
    await expect(page.locator('.release__about h2')).toHaveText('About Example Rights Watch');
    await expect(page.locator('.release__about em')).toHaveText('fictional');
    for (const contact of SOURCE.contacts) {
      await expect(page.locator('.site-footer')).toContainText(contact.name);
      await expect(page.locator(`.site-footer a[href="mailto:${contact.email}"]`)).toHaveCount(1);
    }

    // A release naming no contacts of its own shows the dataset's.
    await page.goto('/releases/kyiv-shelters');
    await live(page);
    await expect(page.locator('.release__contact .contact-card__name')).toHaveText(SOURCE.contacts.map((c) => c.name));
    // So does a link that leads nowhere.
    await page.goto('/releases/no-such-release');
    await expect(page.locator('[data-not-found=release] .contact-card__name')).toHaveText(SOURCE.contacts.map((c) => c.name));
    expect(errors).toEqual([]);
  });
});

test.describe('pictures', () => {
  /** Records layout shifts from the first paint. */
  async function watchShifts(page) {
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
  }

  test('published pictures have their sizes, width and height, and a download of the original', () => {
    const lead = site.releases.find((r) => r.id === 'kharkiv-strike');
    for (const image of [lead.image, ...lead.images]) {
      expect(image.width).toBeGreaterThan(0);
      expect(image.height).toBeGreaterThan(0);
      expect(image.sizes.length).toBeGreaterThan(0);
      expect(image.original).toBeTruthy();
      expect(image.alt).toBeTruthy();
    }
  });

  for (const width of [320, 1280]) {
    test(`at ${width} px the pictures keep their place: boxes sized before they arrive, no layout shift`, async ({ page }) => {
      await watchShifts(page);
      await page.setViewportSize({ width, height: 800 });
      // Held back: the boxes must be right before a single picture has arrived.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/images/**', async (route) => { await held; await route.continue(); });
      for (const path of ['/releases/kharkiv-strike', '/']) {
        // (Not waiting for `load`, which waits for the pictures held back.)
        await page.goto(path, { waitUntil: 'domcontentloaded' });
        await live(page);
        const boxes = await page.locator('main img').evaluateAll((images) => images
          .filter((img) => img.getBoundingClientRect().width > 0)
          .map((img) => ({ w: img.getBoundingClientRect().width, h: img.getBoundingClientRect().height, aw: +img.getAttribute('width'), ah: +img.getAttribute('height') })));
        expect(boxes.length).toBeGreaterThan(0);
        for (const box of boxes) {
          expect(box.aw, 'width attribute').toBeGreaterThan(0);
          expect(Math.abs(box.h - (box.w * box.ah) / box.aw), `${JSON.stringify(box)} keeps its ratio`).toBeLessThan(1.5);
        }
      }
      release();
      await page.goto('/releases/kharkiv-strike');
      await live(page);
      await page.evaluate(() => Promise.all([...document.images].filter((i) => i.loading !== 'lazy').map((i) => i.decode().catch(() => {}))));
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(300);
      const lead = page.locator('.release__figure img');
      expect(await lead.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
      // The copy chosen fits the layout: never the original, and small on a phone.
      const chosen = await lead.evaluate((img) => img.currentSrc);
      if (width === 320) expect(chosen).toMatch(/-480\.(webp|jpg)$/);
      expect(await page.evaluate(() => window.__shifts)).toEqual([]);
    });
  }

  test('below the fold pictures wait for the reader: lazy, and not fetched before they near the screen', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const requested = [];
    page.on('request', (request) => { if (request.url().includes('/images/')) requested.push(request.url()); });
    // Every version of every story: a long page.
    await page.goto('/?content_lang=ar&content_lang=en&content_lang=ru&content_lang=uk');
    await live(page);
    await expect(page.locator('.release-card')).toHaveCount(SOURCE.releases.length);
    const cards = page.locator('.release-card img');
    const count = await cards.count();
    expect(count).toBeGreaterThan(4);
    await expect(cards.first()).not.toHaveAttribute('loading', 'lazy');
    for (let n = 1; n < count; n += 1) await expect(cards.nth(n)).toHaveAttribute('loading', 'lazy');
    const last = cards.nth(count - 1);
    const lastSrc = await last.evaluate((img) => img.currentSrc || img.src);
    await page.waitForTimeout(500);
    expect(await last.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(false);
    const loaded = await cards.evaluateAll((images) => images.filter((img) => img.complete && img.naturalWidth > 0).length);
    expect(loaded).toBeLessThan(count);
    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => last.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(requested.length).toBeGreaterThan(0);
    expect(lastSrc).toBeTruthy();
    // The release page's gallery is lazy; its lead picture is not.
    await page.goto('/releases/kharkiv-strike');
    await live(page);
    await expect(page.locator('.release__figure img')).not.toHaveAttribute('loading', 'lazy');
    const gallery = page.locator('.gallery img');
    await expect(gallery).toHaveCount(2);
    for (const img of await gallery.all()) await expect(img).toHaveAttribute('loading', 'lazy');
    await expect(page.locator('.gallery .release__download a')).toHaveCount(2);
  });

  test('a picture in the published page, before any script, has its size and its srcset', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${NEWSROOM}/releases/kharkiv-strike`);
    const lead = page.locator('.release__figure img');
    await expect(lead).toHaveAttribute('width', /\d+/);
    await expect(lead).toHaveAttribute('srcset', /\d+w/);
    await expect(lead).toHaveAttribute('sizes', /46rem/);
    await expect(page.locator('[data-also-in] a')).toHaveCount(2);
    await expect(page.locator('.contact-card')).toHaveCount(1);
    await context.close();
  });
});

test.describe('axe', () => {
  for (const path of ['/', '/releases/kharkiv-strike', '/releases/mariupol-anniversary-ar']) {
    for (const colorScheme of ['light', 'dark']) {
      for (const lang of ['en', 'ar']) {
        test(`${path} ${colorScheme} ${lang}: no WCAG A/AA violations`, async ({ page }) => {
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
          await page.goto(`${path}${lang === 'en' ? '' : `?lang=${lang}`}`);
          await live(page);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expect(page.locator('main article').first()).toBeVisible();
          const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          expect(results.violations, describeViolations(results.violations)).toEqual([]);
        });
      }
    }
  }
});

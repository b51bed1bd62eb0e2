// Accessibility: axe (WCAG 2.0/2.1/2.2 A and AA) on every kind of view, in the light and dark
// themes and in a left-to-right and a right-to-left language; and the main journey done with
// the keyboard alone, with a visible focus indicator at every step.
import { test, expect } from './fixtures.js';
import AxeBuilder from '@axe-core/playwright';
import { DATA, activeElementInfo, deployWith, describeViolations, watchForErrors } from './helpers.js';

const SHOTS = 'target/screenshots';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// In the bundled dataset (public/data/releases.json): photo credit, people, tags, neighbours.
const RELEASE_ID = 'russian-attacks-on-critical-energy-infrastructure';

/** Adds `lang=` to a path that may already have a query string. */
function withLang(path, lang) {
  if (lang === 'en') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

/** Opens the filters (closed on narrow screens) and every "Show all", so axe sees each control. */
async function openFilters(page) {
  // The facets and dates follow the first render (a lazily loaded part): check them too.
  await expect(page.locator('fieldset[data-facet]:not([hidden])')).toHaveCount(6);
  const filters = page.locator('details.filters');
  if (!(await filters.evaluate((details) => details.open))) await page.locator('.filters__toggle').click();
  await expect(filters).toHaveAttribute('open', '');
  const more = page.locator('.facet__more:visible');
  for (const button of await more.all()) {
    if ((await button.getAttribute('aria-expanded')) === 'false') await button.click();
  }
}

const VIEWS = [
  {
    name: 'timeline',
    path: '/',
    ready: async (page) => {
      await expect(page.locator('.timeline__results')).toHaveAttribute('data-rendered-query', '');
      await expect(page.locator('article[data-release-id]')).toHaveCount(12);
      await openFilters(page);
    },
  },
  {
    name: 'filtered timeline',
    path: '/?kind=Press%20Release&q=russia',
    ready: async (page) => {
      await expect(page.locator('.timeline__results')).toHaveAttribute('data-rendered-query', /kind=Press(%20|\+)Release/);
      await expect(page.locator('article[data-release-id]').first()).toBeVisible();
      await expect(page.locator('mark').first()).toBeVisible();
      await openFilters(page);
    },
  },
  {
    name: 'empty state',
    path: '/?q=zzzzzz',
    ready: async (page) => {
      await expect(page.locator('[data-empty-state]')).toBeVisible();
      await openFilters(page);
    },
  },
  {
    name: 'release page',
    path: `/releases/${RELEASE_ID}`,
    ready: async (page) => {
      await expect(page.locator(`article[data-release-id="${RELEASE_ID}"] h1`)).toBeFocused();
    },
  },
  {
    name: 'not found',
    path: '/nope',
    ready: async (page) => {
      await expect(page.locator('[data-not-found=page]')).toBeVisible();
    },
  },
  {
    name: 'load error',
    path: '/?src=/no-such.json',
    ready: async (page) => {
      await expect(page.locator('[data-load-error]')).toBeVisible();
    },
  },
];

// Screenshots taken on the way, by view, theme and language.
const SCREENSHOTS = {
  'timeline dark en': 'timeline-dark.png',
  'timeline light ar': 'timeline-ar.png',
  'release page dark en': 'release-page-dark.png',
};

test.describe('axe', () => {
  for (const view of VIEWS) {
    for (const colorScheme of ['light', 'dark']) {
      for (const lang of ['en', 'ar']) {
        const key = `${view.name} ${colorScheme} ${lang}`;
        test(`${key}: no WCAG A/AA violations, page language and direction right`, async ({ page }) => {
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
          await page.goto(withLang(view.path, lang));
          // The page's language is the chosen one (WCAG 3.1.1; axe only checks that lang is
          // valid, not that it is right). Another language's catalogue is fetched first, and the
          // views are rebuilt in it: wait for that before looking at them.
          const html = page.locator('html');
          await expect.soft(html, `<html lang> on ${key}`).toHaveAttribute('lang', lang);
          await view.ready(page);
          if (SCREENSHOTS[key]) await page.screenshot({ path: `${SHOTS}/${SCREENSHOTS[key]}`, fullPage: false });

          const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          const report = describeViolations(results.violations);
          if (results.violations.length) console.log(`axe violations on ${key} (${page.url()}):\n${report}`);
          const direction = await html.evaluate((el) => getComputedStyle(el).direction);
          expect.soft(direction, `direction of <html> on ${key}`).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          expect(results.violations, report).toEqual([]);
        });
      }
    }
  }

  test('Ukrainian timeline (screenshot) has no violations', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/?lang=uk');
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.locator('article[data-release-id]')).toHaveCount(12);
    await expect(page.locator('fieldset[data-facet]:not([hidden])')).toHaveCount(6);
    await page.screenshot({ path: `${SHOTS}/timeline-uk.png`, fullPage: false });
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations, describeViolations(results.violations)).toEqual([]);
  });
});

test.describe('layout', () => {
  for (const [width, label] of [[320, '320 px'], [640, '200 % zoom of 1280 px']]) {
    for (const lang of ['en', 'ar']) {
      for (const path of ['/', `/releases/${RELEASE_ID}`, '/?q=zzzzzz', '/nope']) {
        test(`${path} at ${label} (${lang}): no sideways scrolling, nothing cut off`, async ({ page }) => {
          await page.setViewportSize({ width, height: 800 });
          await page.goto(withLang(path, lang));
          await expect(page.locator('main')).toBeVisible();
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          if (path === '/') {
            await expect(page.locator('article[data-release-id]')).toHaveCount(12);
            await openFilters(page);
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
          // No visible box pokes out of the viewport (content lost off either side).
          const outside = await page.evaluate(() => {
            const out = [];
            for (const el of document.body.querySelectorAll('*')) {
              const style = getComputedStyle(el);
              if (style.display === 'none' || style.visibility === 'hidden') continue;
              if (el.closest('.visually-hidden, .skip-link, [aria-hidden=true], dialog:not([open])')) continue;
              const rect = el.getBoundingClientRect();
              if (rect.width === 0 || rect.height === 0) continue;
              if (rect.left < -1 || rect.right > window.innerWidth + 1) {
                out.push(`${el.tagName.toLowerCase()}.${el.className} [${Math.round(rect.left)}, ${Math.round(rect.right)}]`);
              }
            }
            return out;
          });
          expect(outside).toEqual([]);
        });
      }
    }
  }
});

/** Elements (and pseudo-elements) that transition, animate or scroll smoothly. */
function findMotion(page) {
  return page.evaluate(() => {
    const found = [];
    const moves = (list) => list.split(',').some((d) => parseFloat(d) > 0);
    const check = (el, pseudo = '') => {
      const style = getComputedStyle(el, pseudo || null);
      const name = `${el.tagName.toLowerCase()}.${typeof el.className === 'string' ? el.className : ''}${pseudo}`;
      if (style.transitionProperty !== 'none' && moves(style.transitionDuration)) found.push(`${name}: transition`);
      if (style.animationName !== 'none' && moves(style.animationDuration)) found.push(`${name}: animation ${style.animationName}`);
      if (style.scrollBehavior === 'smooth') found.push(`${name}: smooth scrolling`);
    };
    for (const el of [document.documentElement, ...document.querySelectorAll('body, body *')]) {
      check(el);
      check(el, '::before');
      check(el, '::after');
    }
    return found;
  });
}

/** Shows the loading view for good: a data server that never answers, and a long time limit. */
async function showLoadingView(page) {
  await deployWith(page, { 'data-allow-origins': DATA, 'data-timeout-ms': '600000' });
  await page.goto(`/?src=${encodeURIComponent(`${DATA}/hang.json`)}`);
  await expect(page.locator('[data-loading]')).toBeVisible();
}

test.describe('motion, and the loading view', () => {
  test('with reduced motion, nothing moves: no transitions, animations or smooth scrolling', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    await expect(page.locator('article[data-release-id]')).toHaveCount(12);
    await openFilters(page);
    expect(await findMotion(page)).toEqual([]);
    await page.goto(`/releases/${RELEASE_ID}`);
    await expect(page.locator('article[data-release-id] h1')).toBeFocused();
    expect(await findMotion(page)).toEqual([]);
    await showLoadingView(page);
    expect(await findMotion(page)).toEqual([]);
  });

  test('the loading view has a skeleton that moves only without reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await showLoadingView(page);
    const skeleton = page.locator('.loading__skeleton .skeleton').first();
    await expect(skeleton).toBeVisible();
    expect(await findMotion(page)).toContainEqual(expect.stringMatching(/skeleton.*animation/));
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`the loading view has no WCAG A/AA violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await showLoadingView(page);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(results.violations, describeViolations(results.violations)).toEqual([]);
    });
  }
});

/**
 * The focused element's ring (outline on it or on its ::after/::before) and its contrast with
 * the colour behind it (the ring is drawn outside the element, on its surroundings).
 */
function focusRing(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const parse = (color) => {
      const m = color.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (x, y) => {
      const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
      return (hi + 0.05) / (lo + 0.05);
    };
    let ring = null;
    for (const pseudo of [null, '::after', '::before']) {
      const style = getComputedStyle(el, pseudo);
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
        ring = { color: parse(style.outlineColor), width: parseFloat(style.outlineWidth), pseudo };
        break;
      }
    }
    // What is painted where the ring is: just outside the element's start edge (or its end
    // edge at the viewport's side), the first opaque background in the stack there.
    let behind = null;
    if (ring) {
      const style = getComputedStyle(el, ring.pseudo);
      const out = Math.max(0, parseFloat(style.outlineOffset)) + ring.width / 2;
      const rect = el.getBoundingClientRect();
      const y = Math.min(Math.max(rect.top + rect.height / 2, 1), innerHeight - 1);
      const x = rect.left - out >= 0 ? rect.left - out : rect.right + out;
      for (const node of document.elementsFromPoint(x, y)) {
        if (node === el || el.contains(node)) continue;
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg && bg.a > 0.99) { behind = bg; break; }
      }
    }
    behind ??= parse(getComputedStyle(document.body).backgroundColor);
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${typeof el.className === 'string' ? el.className : ''}`
      + `${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    return {
      name,
      body: el === document.body,
      skip: el.classList.contains('skip-link'),
      ring: ring && { ...ring, contrast: Math.round(ratio(ring.color, behind) * 100) / 100 },
    };
  });
}

test.describe('focus rings', () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const [name, path] of [['timeline', '/?q=russia'], ['release page', `/releases/${RELEASE_ID}`], ['not found', '/nope'], ['load error', '/?src=/no-such.json']]) {
      test(`every focus stop on the ${name} shows a 3:1 ring (${colorScheme})`, async ({ page }) => {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await expect(page.locator('main h1')).toBeVisible();
        if (name === 'timeline') await openFilters(page);
        const problems = [];
        let stops = 0;
        for (let i = 0; i < 150; i += 1) {
          await page.keyboard.press('Tab');
          const stop = await focusRing(page);
          if (stop.body || (stop.skip && stops > 0)) break;  // round the page once
          stops += 1;
          if (!stop.ring) problems.push(`${stop.name}: no focus ring`);
          else if (stop.ring.contrast < 3) problems.push(`${stop.name}: ring contrast ${stop.ring.contrast}:1`);
        }
        expect(stops).toBeGreaterThan(0);
        expect(problems).toEqual([]);
      });
    }
  }
});

test.describe('keyboard only', () => {
  for (const lang of ['en', 'ar']) {
    test(`search, filter, open a release and come back, without a mouse (${lang})`, async ({ page }) => {
      const errors = watchForErrors(page);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(withLang('/', lang));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('article[data-release-id]')).toHaveCount(12);

      /** Presses `key` until `wanted(info)` holds (at most `limit` times); checks each stop. */
      const tabTo = async (wanted, what, { key = 'Tab', limit = 60 } = {}) => {
        const seen = [];
        for (let i = 0; i < limit; i += 1) {
          await page.keyboard.press(key);
          const info = await activeElementInfo(page);
          seen.push(`${info.tag}.${info.className}${info.id ? `#${info.id}` : ''}${info.name ? `[${info.name}=${info.value}]` : ''} ${info.text}`);
          expect(info.tag, `focus fell to the page after ${seen.join(' → ')}`).not.toBe('body');
          expect(info.visible, `invisible focus stop: ${seen.at(-1)}`).toBe(true);
          expect(info.indicator, `no visible focus indicator on ${seen.at(-1)} (${JSON.stringify(info)}), after ${seen.join(' → ')}`).toBe(true);
          if (wanted(info)) return info;
        }
        throw new Error(`${what} not reached in ${limit} presses of ${key}: ${seen.join(' → ')}`);
      };

      // 1. The skip link is the first stop, and moves focus to the content.
      const skip = await tabTo((info) => info.className.includes('skip-link'), 'the skip link', { limit: 1 });
      expect(skip.indicator).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

      // 2. The search box; typing filters (the URL follows).
      await tabTo((info) => info.id === 'search-input', 'the search box');
      await page.keyboard.type('russia');
      await expect(page).toHaveURL(/[?&]q=russia(&|$)/);
      await expect(page.locator('.timeline__results')).toHaveAttribute('data-rendered-query', /q=russia/);

      // 3. A facet checkbox, ticked with Space; focus stays on it.
      const box = await tabTo(
        (info) => info.type === 'checkbox' && info.name === 'kind',
        'a kind checkbox',
      );
      expect(box.checked).toBe(false);
      await page.keyboard.press('Space');
      const kindParam = `kind=${encodeURIComponent(box.value).replace(/%20/g, '(%20|\\+)')}`;
      await expect(page).toHaveURL(new RegExp(`[?&]${kindParam}(&|$)`));
      await expect(page.locator('.timeline__results')).toHaveAttribute('data-rendered-query', new RegExp(kindParam));
      const after = await activeElementInfo(page);
      expect(after, 'focus stays on the ticked checkbox').toMatchObject({ type: 'checkbox', name: 'kind', value: box.value, checked: true });
      expect(after.indicator).toBe(true);

      // 4. The sort order, changed with an arrow key.
      await tabTo((info) => info.tag === 'select' && info.name === 'sort', 'the sort control');
      await page.keyboard.press('ArrowDown');
      await expect(page).toHaveURL(/[?&]sort=oldest(&|$)/);
      const filtered = new URL(page.url()).search;

      // 5. A release link, opened with Enter: focus lands on its title.
      const link = await tabTo((info) => info.releaseLink, 'a release link');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${link.href.split('?')[0]}(\\?|$)`));
      const title = page.locator('article[data-release-id] h1');
      await expect(title).toBeFocused();

      // 6. Back to the timeline by the "back" link (before the title: Shift+Tab). (The browser's
      // own Alt+ArrowLeft is handled by its window, which CDP key events never reach.)
      await tabTo((info) => info.back, 'the back link', { key: 'Shift+Tab', limit: 10 });
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL((url) => url.pathname === '/');
      const back = new URLSearchParams(new URL(page.url()).search);
      const before = new URLSearchParams(filtered);
      for (const name of ['q', 'kind', 'sort']) expect(back.get(name), `${name} kept`).toBe(before.get(name));
      await expect(page.locator('#search-input')).toHaveValue('russia');
      await expect(page.locator(`fieldset[data-facet=kind] input[value="${box.value}"]`)).toBeChecked();

      expect(errors).toEqual([]);
    });
  }
});

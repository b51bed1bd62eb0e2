// Embeds on other people's pages, the iframe's self-sizing, the "Embed this view" dialog, a
// sub-path deploy without rewrite rules, and the strict Content-Security-Policy.
import { test, expect } from './fixtures.js';
import AxeBuilder from '@axe-core/playwright';
import { DATA, describeViolations, watchForErrors } from './helpers.js';
import { coreAnswer } from './oracle.js';

const PORT = Number(process.env.E2E_PORT ?? 8199);
const APP = `http://127.0.0.1:${PORT}`;
const SUBPATH = `http://127.0.0.1:${PORT - 2}/campaigns/ukraine`;
const SHOTS = 'target/screenshots';

/** Serves `html` from the data server's origin (a foreign host page) and opens it. */
async function openHostPage(page, name, html) {
  const stored = await fetch(`${DATA}/__host/${name}`, { method: 'POST', body: html });
  expect(stored.ok).toBe(true);
  await page.goto(`${DATA}/host/${name}`);
}

/** Ids of the release cards an embed shows (Playwright's CSS locators pierce shadow roots). */
function cardIds(embed) {
  return embed.locator('article[data-release-id]').evaluateAll((cards) => cards.map((c) => c.dataset.releaseId));
}

const HOSTILE_CSS = `
  * { all: revert; }
  html { font-size: 40px; }
  body { font: 50px/3 serif; color: rgb(255, 0, 0); }
  div { display: none; }
  section div, [data-pressline] { display: none; }
  a { color: rgb(0, 255, 0) !important; font-size: 80px; }
  article, h1, h2, h3, p, ul, li { display: none; font-size: 90px; }
  .timeline, .release-card, .filters { display: none !important; }
  h1.host-title { display: block; }
`;

test('two embeds with different filters on a hostile page: independent, unstyled by the host, not leaking', async ({ page }) => {
  const errors = watchForErrors(page);
  await openHostPage(page, 'hostile', `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Campaign</title><style>${HOSTILE_CSS}</style></head>
<body>
  <h1 class="host-title">Our campaign</h1>
  <div id="reports" data-pressline data-filter="kind=Report" data-history="none"></div>
  <section><div id="war-crimes" data-pressline data-filter="topic=War%20crimes" data-lang="en"
    data-release-url="https://example.org/news/{id}"></div></section>
  <p class="host-after">After the embeds</p>
  <script type="module" src="${APP}/embed.js"></script>
</body></html>`);
  const hostUrl = page.url();
  const reports = page.locator('#reports');
  const warCrimes = page.locator('#war-crimes');

  // Each instance shows what the core answers for its own filter.
  const reportAnswer = coreAnswer('kind=Report');
  const warAnswer = coreAnswer('topic=War%20crimes');
  await expect(reports.locator('.timeline__results')).toHaveAttribute('data-rendered-query', reportAnswer.canonical);
  await expect(warCrimes.locator('.timeline__results')).toHaveAttribute('data-rendered-query', warAnswer.canonical);
  expect(await cardIds(reports)).toEqual(reportAnswer.ids);
  expect(await cardIds(warCrimes)).toEqual(warAnswer.ids);
  expect(warAnswer.count).toBeGreaterThan(reportAnswer.count);

  // The host's CSS does not reach in: cards are visible at a sane size, links keep our colour.
  const title = reports.locator('.release-card__title a').first();
  await expect(title).toBeVisible();
  const inside = await title.evaluate((a) => {
    const style = getComputedStyle(a);
    return { size: parseFloat(style.fontSize), color: style.color, family: style.fontFamily };
  });
  expect(inside.size).toBeGreaterThan(12);
  expect(inside.size).toBeLessThan(32);
  expect(inside.color).not.toBe('rgb(0, 255, 0)');
  expect(inside.family).not.toBe('serif');
  await expect(warCrimes.locator('.filters')).toBeVisible();

  // Ours does not leak out: the host's own elements keep the host's styles.
  const host = await page.evaluate(() => ({
    bodyMargin: getComputedStyle(document.body).margin,
    bodyFont: getComputedStyle(document.body).fontFamily,
    titleSize: getComputedStyle(document.querySelector('.host-title')).fontSize,
  }));
  expect(host).toEqual({ bodyMargin: '8px', bodyFont: 'serif', titleSize: '90px' });
  expect(await page.title()).toBe('Campaign');
  await page.screenshot({ path: `${SHOTS}/embed-hostile-page.png` });

  // Filtering one leaves the other alone, and the host page's address is not touched.
  await warCrimes.locator('.filters__toggle').click(); // an embed starts with its filters folded
  await warCrimes.getByRole('searchbox').fill('Mariupol');
  const narrowed = coreAnswer('topic=War%20crimes&q=Mariupol');
  await expect(warCrimes.locator('.timeline__results')).toHaveAttribute('data-rendered-query', narrowed.canonical);
  expect(await cardIds(warCrimes)).toEqual(narrowed.ids);
  expect(await cardIds(reports)).toEqual(reportAnswer.ids);
  expect(page.url()).toBe(hostUrl);

  // Release links: configured ones go to the organization's site; otherwise they open in place.
  const external = await warCrimes.locator('.release-card__title a').first().getAttribute('href');
  expect(external).toBe(`https://example.org/news/${narrowed.ids[0]}`);
  const inPlace = reports.locator('.release-card__title a').first();
  expect(await inPlace.getAttribute('href')).toBe(`${APP}/releases/${reportAnswer.ids[0]}?kind=Report`);
  await inPlace.click();
  await expect(reports.locator(`article.release[data-release-id="${reportAnswer.ids[0]}"]`)).toBeVisible();
  await expect(warCrimes.locator('.timeline')).toBeVisible();
  expect(page.url()).toBe(hostUrl);
  expect(await page.title()).toBe('Campaign');
  await reports.locator('[data-back]').click();
  await expect(reports.locator('.timeline__results')).toHaveAttribute('data-rendered-query', reportAnswer.canonical);
  expect(errors).toEqual([]);
});

test('the page\'s first embed keeps its release and filters in the host\'s fragment: Back, Forward and reload work', async ({ page }) => {
  const errors = watchForErrors(page);
  await openHostPage(page, 'history', `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Campaign</title></head>
<body>
  <h1>Our campaign</h1>
  <div id="news" data-pressline data-filter="kind=Report"></div>
  <div id="second" data-pressline></div>
  <script type="module" src="${APP}/embed.js"></script>
</body></html>`);
  const hostUrl = page.url();
  const news = page.locator('#news');
  const answer = coreAnswer('kind=Press%20Release');
  // A filter chosen in the embed is in the host's address (typing replaces the entry).
  await expect(news.locator('.timeline__results')).toHaveAttribute('data-rendered-query', coreAnswer('kind=Report').canonical);
  await news.locator('.active-filters .chip').first().click();
  await expect(page).toHaveURL(`${hostUrl}#pl:/`);
  await page.goto(`${hostUrl}#pl:/?kind=Press%20Release`);
  await page.reload();
  await expect(news.locator('.timeline__results')).toHaveAttribute('data-rendered-query', answer.canonical);
  // Opening a release puts it in the fragment; the second embed keeps its own address.
  await news.locator('.release-card__title a').first().click();
  const release = news.locator(`article.release[data-release-id="${answer.ids[0]}"]`);
  await expect(release).toBeVisible();
  await expect(page).toHaveURL(`${hostUrl}#pl:/releases/${answer.ids[0]}?kind=Press%20Release`);
  await expect(page.locator('#second .timeline')).toBeVisible();
  // Back returns to the list, Forward to the release, and a reload (or the shared address)
  // reopens it.
  await page.goBack();
  await expect(news.locator('.timeline__results')).toHaveAttribute('data-rendered-query', answer.canonical);
  await expect(release).toHaveCount(0);
  await page.goForward();
  await expect(release).toBeVisible();
  await page.reload();
  await expect(news.locator(`article.release[data-release-id="${answer.ids[0]}"]`)).toBeVisible();
  expect(await page.title()).toBe('Campaign');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations, describeViolations(axe.violations)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the iframe embed reports its height and the documented snippet sizes the frame', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto('/?kind=Report');
  await page.getByRole('button', { name: 'Embed this view' }).click();
  const snippet = await page.locator('[data-embed-snippet=iframe]').inputValue();
  await openHostPage(page, 'frame', `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Frame host</title></head>
<body><h1>Host</h1>${snippet}</body></html>`);
  const frameElement = page.locator('iframe[data-pressline-frame]');
  const frame = page.frameLocator('iframe[data-pressline-frame]');
  const answer = coreAnswer('kind=Report');
  await expect(frame.locator('.timeline__results')).toHaveAttribute('data-rendered-query', answer.canonical);
  await expect(frame.locator('.site-header')).toHaveCount(0);

  const heights = async () => ({
    frame: Math.round((await frameElement.boundingBox()).height),
    content: await frame.locator('body').evaluate((body) => Math.ceil(body.getBoundingClientRect().height)),
  });
  // The frame grows or shrinks to its content, whatever that is (the snippet starts at 600 px).
  await expect.poll(async () => { const h = await heights(); return h.frame === h.content; }).toBe(true);
  const before = (await heights()).frame;
  await frame.locator('.filters__toggle').click(); // Folding or unfolding the filters changes it.
  await expect.poll(async () => (await heights()).frame).not.toBe(before);
  await expect.poll(async () => { const h = await heights(); return h.frame === h.content; }).toBe(true);
  expect(errors).toEqual([]);
});

test('the embed dialog offers both snippets for the current view, copies them, and they work pasted into a blank page', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = watchForErrors(page);
  await page.goto('/?topic=War%20crimes&sort=oldest');
  await page.getByRole('button', { name: 'Embed this view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/embed-dialog.png` });
  const script = await dialog.locator('[data-embed-snippet=script]').inputValue();
  const iframe = await dialog.locator('[data-embed-snippet=iframe]').inputValue();
  expect(script).toBe(`<div data-pressline data-filter="topic=War%20crimes&amp;sort=oldest" data-lang="en"></div>\n<script type="module" src="${APP}/embed.js"></script>`);
  expect(iframe).toContain(`src="${APP}/?embed=1&amp;topic=War%20crimes&amp;sort=oldest&amp;lang=en"`);
  await dialog.getByRole('button', { name: 'Copy script tag' }).click();
  await expect(dialog.locator('.embed-dialog__message')).toHaveText('The script tag snippet is copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(script);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await openHostPage(page, 'pasted', `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Blank</title></head><body>${script}\n${iframe}</body></html>`);
  const answer = coreAnswer('topic=War%20crimes&sort=oldest');
  const embed = page.locator('[data-pressline]');
  await expect(embed.locator('.timeline__results')).toHaveAttribute('data-rendered-query', answer.canonical);
  expect(await cardIds(embed)).toEqual(answer.ids);
  const frame = page.frameLocator('iframe[data-pressline-frame]');
  await expect(frame.locator('.timeline__results')).toHaveAttribute('data-rendered-query', answer.canonical);
  expect(await cardIds(frame.locator('body'))).toEqual(answer.ids);
  expect(errors).toEqual([]);
});

test.describe('a sub-path deploy on a host without rewrite rules', () => {
  test('deep links load directly, links stay under the sub-path, and reloads work', async ({ page }) => {
    const errors = watchForErrors(page, { console: false }); // the 404 status is logged
    const answer = coreAnswer('kind=Press%20Release');
    const id = answer.ids[1];
    const response = await page.goto(`${SUBPATH}/releases/${id}?kind=Press%20Release`);
    expect(response.status()).toBe(200); // the release's own prerendered page
    await expect(page.locator(`article.release[data-release-id="${id}"]`)).toBeVisible();
    await expect(page.locator('a[rel=prev]')).toHaveAttribute('href', `/campaigns/ukraine/releases/${answer.ids[0]}?kind=Press%20Release`);
    await page.locator('[data-back]').click();
    await expect(page).toHaveURL(`${SUBPATH}/?kind=Press%20Release`);
    await expect(page.locator('.timeline__results')).toHaveAttribute('data-rendered-query', answer.canonical);
    await page.locator('fieldset[data-facet="kind"] label', { hasText: 'Report' }).click();
    await expect(page).toHaveURL(/\/campaigns\/ukraine\/\?kind=Press%20Release&kind=Report$/);
    await page.reload();
    await expect(page.locator('.timeline__results')).toHaveAttribute('data-rendered-query', 'kind=Press%20Release&kind=Report');
    await page.goto(`${SUBPATH}/no/such/page`);
    await expect(page.locator('[data-not-found=page]')).toBeVisible();
    await page.getByRole('link', { name: 'See all releases' }).click();
    await expect(page).toHaveURL(`${SUBPATH}/`);
    await expect(page.locator('article[data-release-id]')).toHaveCount(answer.total);
    expect(errors).toEqual([]);
  });

  test('static files: robots.txt, cache headers, precompressed copies', async ({ request }) => {
    const robots = await request.get(`${SUBPATH}/robots.txt`);
    expect(robots.status()).toBe(200);
    const index = await request.get(`${SUBPATH}/`);
    expect(index.headers()['cache-control']).not.toContain('immutable');
    // The bare page preloads the wasm (a prerendered one fetches it after its first paint).
    const html = await (await request.get(`${SUBPATH}/404.html`)).text();
    const wasmPath = html.match(/href="(\/campaigns\/ukraine\/pressline-app-[0-9a-f]+_bg\.wasm)"/)[1];
    const wasm = await request.get(`http://127.0.0.1:${PORT - 2}${wasmPath}`, { headers: { 'accept-encoding': 'br' } });
    expect(wasm.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(wasm.headers()['content-encoding']).toBe('br');
    expect(wasm.headers()['access-control-allow-origin']).toBe('*');
    const embed = await request.get(`${SUBPATH}/embed.js`);
    expect(embed.headers()['cache-control']).toBe('public, max-age=300');
  });
});

test('under the strict Content-Security-Policy nothing is blocked', async ({ page }) => {
  const violations = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto('/?kind=Press%20Release');
  expect(response.headers()['content-security-policy']).toContain(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'",
  );
  await expect(page.locator('.timeline__results')).toHaveAttribute('data-rendered-query', 'kind=Press%20Release');
  await page.getByRole('searchbox').fill('Ukraine');
  await page.getByRole('button', { name: 'Embed this view' }).click();
  await page.keyboard.press('Escape');
  await page.locator('.release-card__title a').first().click();
  await expect(page.locator('article.release')).toBeVisible();
  // A dataset from another origin, allowed by the deploy's connect-src.
  await page.goto(`/?src=${encodeURIComponent(`${DATA}/ok.json`)}`);
  await expect(page.locator('.release-card, [data-load-error]').first()).toBeVisible();
  expect(violations).toEqual([]);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test('data-layout="list" brings the list without a title, overview or second <h1>; data-heading-level sets the levels', async ({ page }) => {
  const errors = watchForErrors(page);
  await openHostPage(page, 'list', `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Campaign</title></head>
<body>
  <h1>Our campaign</h1>
  <div id="list" data-pressline data-layout="list" data-history="none"></div>
  <div id="deeper" data-pressline data-layout="list" data-heading-level="3" data-filter="kind=Report" data-history="none"></div>
  <script type="module" src="${APP}/embed.js"></script>
</body></html>`);
  const list = page.locator('#list');
  await expect(list.locator('.release-card').first()).toBeVisible();
  // Playwright's CSS locators pierce the embeds' shadow roots: one <h1> on the whole page.
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(list.locator('.timeline__intro, .histogram')).toHaveCount(0);
  await expect(list.locator('#search-input')).toBeVisible();
  await expect(list.locator('h2.timeline-year__heading')).toHaveCount(1);
  await expect(list.locator('h4.release-card__title').first()).toBeVisible();
  await expect(page.locator('#deeper h5.release-card__title')).toHaveCount(coreAnswer('kind=Report').count);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations, describeViolations(axe.violations)).toEqual([]);
  await list.locator('.release-card__title a').first().click();
  await expect(list.locator('article.release')).toBeVisible();
  expect(await list.locator('.release__title').evaluate((h) => h.localName)).toBe('h2');
  await expect(page.locator('h1')).toHaveCount(1);
  await page.locator('#deeper .release-card__title a').first().click();
  await expect(page.locator('#deeper h3.release__title')).toBeVisible();
  expect(errors).toEqual([]);
});

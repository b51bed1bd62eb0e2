// The XSS corpus (tests/fixtures/xss: ~50 classic payloads in every text field, ~17 dangerous
// addresses in every address field) through every view: the timeline, search highlights, the
// facets, the skipped-records report, every release page, the embed dialog's snippets, hostile
// URL parameters, and the published (prerendered) pages with JavaScript off and on.
// Each view must show the payloads as text, open no dialog, log no console error, set no
// `window.__xss`, request nothing from an unexpected origin, and carry no event-handler
// attribute and no href/src with a scheme that runs code.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.js';
import { deployWith, watchForErrors } from './helpers.js';
import { coreAnswer } from './oracle.js';
import { CORPUS_JSON } from '../fixtures/xss/build.mjs';

const port = Number(process.env.E2E_PORT ?? 8199);
const APP = `http://127.0.0.1:${port}`;
const PUBLISHED_XSS = `http://127.0.0.1:${port - 6}`;
const corpusText = readFileSync('tests/fixtures/xss/xss-corpus.json', 'utf8');
const corpus = JSON.parse(corpusText);
const payloadReleases = corpus.releases.filter((r) => r.id.startsWith('xss-'));
// Releases whose only fault is a dangerous link or picture address: shown without it.
const addressReleases = corpus.releases.filter((r) => /^(url|picture)-\d+$/.test(r.id));

test.describe.configure({ timeout: 180_000 });

test('the committed corpus is what build.mjs writes from the payload lists', () => {
  expect(corpusText).toBe(CORPUS_JSON);
  expect(payloadReleases.length).toBeGreaterThanOrEqual(45);
});

/** Watches a page for every sign of a payload running. */
async function guard(page, allowedOrigins) {
  const errors = watchForErrors(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  // Pictures on example.org are allowed (`img-src https:`); this machine is offline, so they
  // are answered locally. Anything else off-origin is recorded, then refused.
  await page.route('https://example.org/**', (route) =>
    route.fulfill({ contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAAAAACw=', 'base64') }));
  await page.addInitScript(() => {
    const hits = [];
    Object.defineProperty(window, '__xssHits', { value: hits });
    Object.defineProperty(window, '__xss', { set: (v) => hits.push(v), get: () => undefined });
  });
  return async function assertClean(where) {
    const found = await page.evaluate(scanDocument);
    expect(found, `${where}: markup or addresses from the payloads`).toEqual([]);
    expect(await page.evaluate(() => window.__xssHits), `${where}: window.__xss set`).toEqual([]);
    expect(errors, `${where}: dialogs, page errors or console errors`).toEqual([]);
    const unexpected = requests.filter((url) => !allowedOrigins.some((origin) => url.startsWith(origin)));
    expect(unexpected, `${where}: requests to unexpected origins`).toEqual([]);
  };
}

/** Runs in the page: everything dangerous in the document (shadow roots included). */
function scanDocument() {
  const problems = [];
  const scheme = /^(javascript|vbscript|data|file):/i;
  const addressAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc', 'background', 'srcset'];
  const forbidden = new Set(['iframe', 'object', 'embed', 'math', 'marquee', 'isindex', 'template', 'video', 'source', 'frame', 'frameset', 'applet']);
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const name = el.localName;
      const describe = `<${name}${el.id ? `#${el.id}` : ''} class="${el.getAttribute('class') ?? ''}">`;
      if (forbidden.has(name)) problems.push(`element ${describe}`);
      // Only the app's own scripts: in <head>, or JSON-LD data.
      if (name === 'script' && el.closest('body') && el.type !== 'application/ld+json') problems.push(`script in body ${el.outerHTML.slice(0, 80)}`);
      if (['style', 'link', 'meta', 'base'].includes(name) && el.closest('body')) problems.push(`${name} in body`);
      for (const attribute of el.attributes) {
        if (attribute.name.startsWith('on')) problems.push(`${attribute.name} on ${describe}`);
        if (attribute.name === 'autofocus') problems.push(`autofocus on ${describe}`);
        if (addressAttributes.includes(attribute.name)) {
          const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '');
          if (scheme.test(value)) problems.push(`${attribute.name}="${attribute.value}" on ${describe}`);
        }
        if (attribute.name === 'style' && /expression|url\(/i.test(attribute.value)) problems.push(`style="${attribute.value}"`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return problems;
}

/** The app with the corpus as its dataset (`data-src`), as a deploy would configure it. */
async function withCorpus(page) {
  await page.route(`${APP}/xss-corpus.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: corpusText }));
  await deployWith(page, { 'data-src': '/xss-corpus.json' });
}

test('timeline, highlights, facets and the skipped-records report show the payloads as text', async ({ page }) => {
  const assertClean = await guard(page, [APP, 'https://example.org/']);
  await withCorpus(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await expect(page.locator('article').first()).toBeVisible();
  // Every valid record is shown, its title exactly as written.
  const titles = await page.locator('article .release-card__title').allTextContents();
  for (const release of payloadReleases) expect(titles).toContain(release.title);
  // Every release with a usable id is shown, those with dangerous addresses without them; only
  // the releases whose id is itself a payload are skipped (the core's answer, both counts).
  const answer = coreAnswer('', 'tests/fixtures/xss/xss-corpus.json');
  expect(answer.total).toBe(corpus.releases.length - answer.skipped);
  expect(answer.ids).toEqual(expect.arrayContaining(addressReleases.map((r) => r.id)));
  await expect(page.locator('.result-count')).toHaveAttribute('data-count', String(answer.total));
  await expect(page.locator('.skipped-records')).toHaveAttribute('data-skipped-count', String(answer.skipped));
  // Open every list the page folds away, so all of it is in the DOM and scanned.
  await page.locator('.skipped-records summary').click();
  for (const more of await page.locator('.facet__more:visible').all()) await more.click();
  const report = await page.locator('.skipped-records').textContent();
  expect(report).toContain('<svg><script>alert(8)</script></svg>');
  expect(report).toContain('javascript:alert(101)');
  await assertClean('timeline');

  // Search: highlights mark the words of payloads, as text.
  await page.goto('/?q=script+alert');
  await expect(page.locator('article mark').first()).toBeVisible();
  await assertClean('search highlights');

  // A facet value that is a payload, selected (its chip and its checked box render it).
  const topic = payloadReleases[5].topics[0];
  await page.goto(`/?topic=${encodeURIComponent(topic)}&kind=${encodeURIComponent(payloadReleases[9].kind)}`);
  await expect(page.locator('.result-count')).toBeVisible();
  await assertClean('facet filters');
  await page.goto(`/?topic=${encodeURIComponent(topic)}`);
  await expect(page.locator('.result-count')).toHaveAttribute('data-count', '1');
  await assertClean('one facet');
});

test('every release page renders its payloads as text and links nowhere dangerous', async ({ page }) => {
  const assertClean = await guard(page, [APP, 'https://example.org/']);
  await withCorpus(page);
  await page.goto(`/releases/${payloadReleases[0].id}`);
  for (const release of payloadReleases) {
    // Navigate inside the app (a full load per page would refetch the corpus 50 times).
    await page.evaluate((id) => {
      history.pushState(null, '', `/releases/${id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, release.id);
    await expect(page.locator('main h1')).toHaveText(release.title);
    // Raw HTML in Markdown is dropped, but a code span shows the payload verbatim.
    await expect(page.locator('.release__body code').first()).toHaveText(release.body.match(/`(.*)`/)[1]);
    // Safe links stay links; a refused address leaves only its text.
    // (A relative reference such as `javascript&colon;x` is kept: it is a path on this site.)
    for (const href of await page.locator('.release__body a, .release__about a').evaluateAll((as) => as.map((a) => a.href))) {
      expect(new URL(href).origin).toMatch(/^(https:\/\/example\.org|http:\/\/127\.0\.0\.1:\d+)$/);
    }
    // The press kit's fields are text too: caption, gallery, contact card, boilerplate.
    await expect(page.locator('.release__figure .release__caption')).toHaveText(release.image.caption);
    await expect(page.locator('.gallery .release__caption')).toHaveText(release.images[0].caption);
    await expect(page.locator('.gallery img')).toHaveAttribute('alt', release.images[0].alt);
    await expect(page.locator('.release__contact .contact-card__name')).toHaveText(release.contacts[0].name);
    await expect(page.locator('.release__contact .contact-card__role')).toHaveText(release.contacts[0].role);
    await expect(page.locator('.release__about p').first()).toContainText('Boilerplate');
    await assertClean(`release ${release.id}`);
  }
  // A contact whose address and number would break out of their links keeps its name, without
  // either link; the footer lists both contacts as text.
  await expect(page.locator('.site-footer')).toContainText(corpus.contacts[1].name);
  await expect(page.locator('.site-footer a[href^="tel:"]')).toHaveCount(1);
  await expect(page.locator('.site-footer a[href^="mailto:"]')).toHaveCount(1);
});

test('releases with a dangerous link or picture are shown without it', async ({ page }) => {
  expect(addressReleases.length).toBeGreaterThanOrEqual(30);
  const assertClean = await guard(page, [APP, 'https://example.org/']);
  await withCorpus(page);
  await page.goto(`/releases/${addressReleases[0].id}`);
  for (const release of addressReleases) {
    await page.evaluate((id) => {
      history.pushState(null, '', `/releases/${id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, release.id);
    await expect(page.locator('main h1')).toHaveText(release.title);
    // The credit of a refused picture stays; the picture and any refused link do not.
    if (release.image) await expect(page.locator('main')).toContainText(release.image.credit);
    await assertClean(`release ${release.id}`);
  }
});

test('the embed dialog turns payload filters into inert snippets', async ({ page }) => {
  const assertClean = await guard(page, [APP, 'https://example.org/']);
  await withCorpus(page);
  const payload = payloadReleases[1];
  // The resizer script of a plain view's iframe snippet, to compare with the hostile view's.
  await page.goto('/');
  await page.getByRole('button', { name: 'Embed this view' }).click();
  const plainSnippet = await page.locator('[data-embed-snippet=iframe]').inputValue();
  const plainResizer = plainSnippet.slice(plainSnippet.indexOf('<script>'));
  // A search that breaks out of an attribute if pasted raw, and still matches the payload
  // releases (a view that matches nothing offers no embed).
  await page.goto(`/?q=${encodeURIComponent('"><script>window.__xss=2</script>')}&topic=${encodeURIComponent(payload.topics[0])}`);
  await page.getByRole('button', { name: 'Embed this view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await expect(dialog).toBeVisible();
  const snippets = [
    await dialog.locator('[data-embed-snippet=script]').inputValue(),
    await dialog.locator('[data-embed-snippet=iframe]').inputValue(),
  ];
  await assertClean('embed dialog');
  // Parsed as a host page would parse them: one element each, only our script, no handlers.
  const parsed = await page.evaluate((texts) => texts.map((text) => {
    const doc = new DOMParser().parseFromString(`<body>${text}</body>`, 'text/html');
    const elements = [...doc.body.querySelectorAll('*')];
    return {
      tags: elements.map((el) => el.localName),
      inline: elements.filter((el) => el.localName === 'script' && !el.src).map((el) => el.textContent),
      handlers: elements.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
      addresses: elements.flatMap((el) => ['src', 'href'].map((n) => el.getAttribute(n)).filter(Boolean)),
      filter: doc.querySelector('[data-filter]')?.getAttribute('data-filter') ?? null,
    };
  }), snippets);
  const [script, iframe] = parsed;
  expect(script.tags.sort()).toEqual(['div', 'script']);
  // The iframe snippet's own few lines of script (the documented resizer), with no payload.
  expect(iframe.tags).toEqual(['iframe', 'script']);
  expect(iframe.inline).toHaveLength(1);
  expect(iframe.inline[0]).toContain('pressline:resize');
  expect(`<script>${iframe.inline[0]}</script>`).toBe(plainResizer);
  expect(script.inline).toEqual([]);
  for (const snippet of parsed) {
    expect(snippet.handlers).toEqual([]);
    for (const address of snippet.addresses) expect(address.startsWith(APP)).toBe(true);
  }
  // The filter survives as data: the payload is inside one attribute, whole.
  expect(new URLSearchParams(script.filter).get('topic')).toBe(payload.topics[0]);
});

test('hostile URL parameters and paths are shown as text or ignored', async ({ page }) => {
  const assertClean = await guard(page, [APP, 'https://example.org/']);
  const hostile = [
    '/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&kind=javascript%3Aalert(2)&page=%3Csvg%3E&from=%22%3E%3Cscript%3E&sort=%3Cb%3E',
    '/releases/%3Csvg%20onload%3Dalert(3)%3E',
    '/releases/javascript:alert(4)',
    '/%3Cscript%3Ealert(5)%3C%2Fscript%3E',
    '/?src=javascript%3Aalert(6)',
    '/?src=data%3Atext%2Fhtml%2C%3Cscript%3Ealert(7)%3C%2Fscript%3E',
  ];
  for (const url of hostile) {
    await page.goto(url);
    await expect(page.locator('main')).toBeVisible();
    await assertClean(url);
  }
  await page.goto(hostile[0]);
  await expect(page.locator('#search-input')).toHaveValue('<img src=x onerror=alert(1)>');
  await page.goto(hostile[4]);
  await expect(page.locator('main')).toContainText('javascript:alert(6)');
});

test('published pages of the corpus: inert without JavaScript and after the app takes over', async ({ browser }) => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const assertClean = await guard(page, [PUBLISHED_XSS, 'https://example.org/']);
    await page.goto(`${PUBLISHED_XSS}/`);
    await expect(page.locator('article').first()).toBeVisible();
    await assertClean(`published timeline, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`);
    const published = [...payloadReleases, ...addressReleases];
    for (const release of javaScriptEnabled ? published.slice(0, 8).concat(addressReleases.slice(0, 4)) : published) {
      await page.goto(`${PUBLISHED_XSS}/releases/${release.id}`);
      await expect(page.locator('main h1')).toHaveText(release.title);
      if (javaScriptEnabled) await expect(page.locator('#pressline-prerendered')).toHaveCount(0);
      // Link previews carry the payload as an attribute value, whole.
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(release.title);
      const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
      expect(ld.headline ?? ld.name).toBe(release.title);
      // A refused picture is no link preview's image either.
      for (const content of await page.locator('meta[content]').evaluateAll((ms) => ms.map((m) => m.content))) {
        expect(content).not.toMatch(/^\s*(javascript|vbscript|data|file):/i);
      }
      await assertClean(`published ${release.id}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`);
    }
    // The feeds are served as feeds, never as pages that could run the payloads.
    for (const [path, type] of [['/feed.xml', /atom\+xml/], ['/feed.json', /feed\+json|json/]]) {
      const response = await page.request.get(`${PUBLISHED_XSS}${path}`);
      expect(response.headers()['content-type']).toMatch(type);
    }
    await context.close();
  }
});

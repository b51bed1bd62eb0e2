// End-to-end smoke journeys in Firefox and WebKit (and Chromium, for the same screenshots),
// through WebDriver: selenium-webdriver against geckodriver, WebKitWebDriver or chromedriver,
// all local (no driver or browser downloads). Playwright stays the main end-to-end tool for
// Chromium; this checks that the main journeys work in every engine: the timeline, a search and a facet (counts from the core's own answer), opening
// a release, Back, a deep link and the not-found view. Screenshots go to
// target/screenshots/<engine>/.
//
// Usage: node tests/webdriver/smoke.mjs chromium|firefox|webkit [port]
// (WebKit has no headless mode: run it under `xvfb-run -a`.) Needs dist/ (`make build`) and
// target/debug/query_dataset (`cargo build --bin query_dataset`).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder, By, until } from 'selenium-webdriver';
import { coreAnswer } from '../e2e/oracle.js';

const engine = process.argv[2];
const ENGINES = {
  chromium: {
    driver: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      },
    },
  },
  firefox: {
    driver: process.env.GECKODRIVER ?? `${process.env.HOME}/.cargo/bin/geckodriver`,
    args: (port) => ['--port', String(port), '--host', '127.0.0.1'],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: process.env.FIREFOX_BINARY ?? '/usr/bin/firefox-esr', args: ['-headless'] },
    },
  },
  webkit: {
    driver: process.env.SAFARIDRIVER ?? '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`, '--host=127.0.0.1'],
    capabilities: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { args: ['--automation', '--enable-write-console-messages-to-stdout=true'] } },
  },
};
if (!ENGINES[engine]) {
  console.error('usage: node tests/webdriver/smoke.mjs chromium|firefox|webkit [port]');
  process.exit(2);
}
const appPort = Number(process.argv[3] ?? 8190);
// The published build (`make published`) is made for this address; it is served here too.
const publishedPort = Number(process.env.E2E_PORT ?? 8199) - 4;
const PUBLISHED = `http://127.0.0.1:${publishedPort}`;
const APP = `http://127.0.0.1:${appPort}`;
const SHOTS = `target/screenshots/${engine}`;
mkdirSync(SHOTS, { recursive: true });

const children = [];
const stopAll = () => children.forEach((child) => child.kill());
process.on('exit', stopAll);

/** A free local port. */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns a truthy value (WebKit's DOM and screenshots can lag). */
async function poll(what, probe, timeout = 20_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error.message;
    }
    if (Date.now() > end) throw new Error(`${engine}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitForHttp(url) {
  await poll(url, async () => (await fetch(url).catch(() => null))?.ok ?? false);
}

const results = [];
let last;
async function journey(name, run) {
  const started = Date.now();
  await run();
  results.push(`${engine}: ${name} (${Date.now() - started} ms)`);
  console.log(`  ok  ${name}`);
}

const server = spawn('node', ['tests/e2e/serve-dist.mjs', 'dist', String(appPort)], { stdio: 'ignore' });
children.push(server);
const published = spawn('node', ['tests/e2e/serve-dist.mjs', 'target/dist-published', String(publishedPort)], { stdio: 'ignore' });
children.push(published);
const driverPort = await freePort();
const driverProcess = spawn(ENGINES[engine].driver, ENGINES[engine].args(driverPort), { stdio: 'ignore' });
children.push(driverProcess);
await waitForHttp(`${APP}/`);
await poll('the WebDriver server', async () => (await fetch(`http://127.0.0.1:${driverPort}/status`).catch(() => null))?.ok ?? false);

const driver = await new Builder()
  .usingServer(`http://127.0.0.1:${driverPort}`)
  .withCapabilities(ENGINES[engine].capabilities)
  .build();
const capabilities = await driver.getCapabilities();
const version = `${capabilities.getBrowserName()} ${capabilities.getBrowserVersion()}`;
console.log(`Smoke journeys in ${version} (${engine})`);

const count = () => driver.executeScript("return document.querySelector('.result-count')?.dataset.count ?? null");
const articles = () => driver.executeScript('return document.querySelectorAll("article[data-release-id]").length');
const text = (selector) => driver.executeScript(`return document.querySelector(${JSON.stringify(selector)})?.textContent?.trim() ?? null`);
const path = () => driver.executeScript('return location.pathname + location.search');
const shot = async (name) => {
  // Wait for two frames so the screenshot shows what the DOM says.
  await driver.executeAsyncScript('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));');
  writeFileSync(`${SHOTS}/${name}.png`, await driver.takeScreenshot(), 'base64');
};
const errors = async () => driver.executeScript('return window.__errors ?? []');

try {
  await driver.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
  const all = coreAnswer('');

  await journey('the timeline renders every release, newest first', async () => {
    await driver.get(`${APP}/`);
    await poll('12 articles', async () => (await articles()) === all.total);
    // The HTML shows them at once; the app adopts the page once its code has arrived.
    await poll('the adoption', async () => driver.executeScript('return !!document.querySelector("#pressline-prerendered[data-adopted]")'));
    // From here until the next full load, script errors are collected and must stay none.
    await driver.executeScript(`window.__errors = [];
      addEventListener('error', (e) => window.__errors.push(e.message));
      addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));`);
    const ids = await driver.executeScript('return [...document.querySelectorAll("article[data-release-id]")].map((a) => a.dataset.releaseId)');
    if (JSON.stringify(ids) !== JSON.stringify(all.ids)) throw new Error(`order ${ids} ≠ ${all.ids}`);
    await shot('timeline');
  });

  await journey('a search narrows the list to the core\'s answer', async () => {
    const input = await driver.findElement(By.id('search-input'));
    await input.sendKeys('struthers');
    const expected = coreAnswer('q=struthers');
    await poll(`count ${expected.count}`, async () => (await count()) === String(expected.count));
    await poll('the URL', async () => (await path()) === '/?q=struthers');
    await shot('search');
  });

  await journey('a facet filter combines with the search', async () => {
    await driver.executeScript('document.querySelector(".filters").open = true');
    const box = await driver.findElement(By.css('fieldset[data-facet="kind"] input[value="Press Release"]'));
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', box);
    await box.click();
    const expected = coreAnswer('q=struthers&kind=Press+Release');
    await poll(`count ${expected.count}`, async () => (await count()) === String(expected.count));
    const ids = await driver.executeScript('return [...document.querySelectorAll("article[data-release-id]")].map((a) => a.dataset.releaseId)');
    if (JSON.stringify(ids) !== JSON.stringify(expected.ids)) throw new Error(`ids ${ids} ≠ ${expected.ids}`);
    await shot('filtered');
  });

  let opened;
  await journey('a release opens from the filtered list', async () => {
    const link = await driver.findElement(By.css('article[data-release-id] .release-card__title a'));
    opened = await link.getText();
    await link.click();
    await poll('the release page', async () => (await path()).startsWith('/releases/') && (await text('main h1')) === opened);
    await shot('release');
  });

  await journey('Back returns to the filtered list', async () => {
    await driver.navigate().back();
    await poll('the filtered list again', async () => { last = await path(); return last === '/?q=struthers&kind=Press%20Release'; }).catch((e) => { throw new Error(`${e.message}; path ${last}`); });
    const expected = coreAnswer('q=struthers&kind=Press+Release');
    await poll(`count ${expected.count}`, async () => (await count()) === String(expected.count));
    const logged = await errors();
    if (logged.length) throw new Error(`script errors: ${logged.join('; ')}`);
  });

  await journey('a deep link to a release loads directly', async () => {
    const id = all.ids[3];
    await driver.get(`${APP}/releases/${id}`);
    await poll('its heading', async () => (await driver.executeScript('return document.querySelector("main h1")?.textContent ?? ""')).length > 0);
    const heading = await text('main h1');
    await poll('the release element', async () => (await driver.executeScript(`return !!document.querySelector('[data-release-id="${id}"], .release')`)));
    if (!heading) throw new Error('no heading');
    await shot('deep-link');
  });

  await journey('an unknown release and an unknown page show the not-found view', async () => {
    await driver.get(`${APP}/releases/no-such-release`);
    await poll('the not-found view', async () => (await driver.executeScript('return document.querySelector("main")?.textContent ?? ""')).includes('no-such-release'));
    await shot('not-found-release');
    await driver.get(`${APP}/no/such/page`);
    await poll('the page-not-found view', async () => (await text('main h1')) === 'Page not found');
    await shot('not-found-page');
  });

  await journey('a published page is adopted by the app with the same text (dates and numbers included)', async () => {
    await waitForHttp(`${PUBLISHED}/robots.txt`);
    const id = all.ids[0];
    await driver.get(`${PUBLISHED}/releases/${id}`);
    await poll('the adoption', async () => driver.executeScript('return !!document.querySelector("#pressline-prerendered[data-adopted] main h1")'));
    const [live, prerendered] = await driver.executeAsyncScript(`const done = arguments[0];
      const squash = (text) => text.replace(/\\s+/g, ' ').trim();
      fetch(location.href).then((r) => r.text()).then((html) => {
        const page = new DOMParser().parseFromString(html, 'text/html');
        done([squash(document.querySelector('main').textContent), squash(page.querySelector('#pressline-prerendered main').textContent)]);
      });`);
    if (live !== prerendered) throw new Error(`live text differs from the prerendered page:\n  live: ${live}\n  page: ${prerendered}`);
    await shot('published-release');
  });

  console.log(`${results.length} journeys passed in ${version}; screenshots in ${SHOTS}/`);
} finally {
  await driver.quit().catch(() => {});
  stopAll();
}

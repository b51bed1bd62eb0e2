// Phone-profile benchmark: Pressline side by side with TimelineJS, showing the same releases from
// the same host.
//
// 1. Makes a TimelineJS page (npm @knight-lab/timelinejs, pinned in package.json) in
//    target/bench/timelinejs/ holding the releases of the build's dataset, inlined in the page
//    (no data fetch); TimelineJS's CSS, JS and icon font are copied next to it and precompressed
//    like dist/ (.br by the brotli CLI at -q 11, .gz at -9).
// 2. Serves a copy of the build, taken at the start so that a rebuild meanwhile cannot mix two
//    builds in one median, and that page from one process (tests/bench/serve-sites.mjs: the
//    same server as the e2e tests, one port each, .br/.gz when the browser accepts them).
// 3. Lighthouse, performance only, default simulated throttling: the mobile profile (slow 4G,
//    4x CPU slowdown, a phone's screen) and the desktop preset, on Pressline's timeline `/`, the
//    page of the dataset's first release and the TimelineJS page. Runs alternate between
//    Pressline and TimelineJS (timeline, TimelineJS, release, TimelineJS, ...), so TimelineJS has
//    2 x BENCH_RUNS runs; the tables give medians.
// 4. Time to the first release visible, in desktop Chromium (Playwright, no throttling, the
//    1350x940 screen of Lighthouse's desktop preset): from navigation start to the first
//    animation frame in which a release is rendered with text, not hidden, not clipped away and,
//    where on screen, not covered (Pressline: an `article` in `main`; TimelineJS: a
//    `.tl-headline` of an event, in a slide or on the time axis, not the title slide's). One
//    below the fold counts (scrolling shows it; the table says how many runs had it on screen),
//    so a taller header does not void the figure. Alternating runs, after one unrecorded
//    warm-up of each; min, median and max.
// 5. Prints Markdown tables (progress goes to stderr) and writes every figure to
//    target/bench/phone.json (Lighthouse reports in target/bench/lighthouse/).
//
// Usage (from the repository root, after `make build`): node tests/bench/phone.mjs [dist=dist]
// or `make bench-phone`. The dataset is <dist>/data/releases.json, or public/data/releases.json
// if the build has none.
// Environment: BENCH_RUNS (Lighthouse runs per Pressline page and profile, default 3),
// BENCH_VISIBLE_RUNS (page loads each for step 4, default 5), CHROME_PATH (default
// /usr/bin/chromium), BENCH_PORT (first of two ports, default 8290; free ones if taken).
// Exits 1 only when something could not be measured: slow figures are results, not failures.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_FLAGS, freePort, waitForServer } from '../lighthouse/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = resolve(process.argv[2] ?? 'dist');
const out = join(root, 'target/bench');
const timelineDir = join(out, 'timelinejs');
const snapshotDir = join(out, 'pressline');
const reportsDir = join(out, 'lighthouse');
const timelinePackage = join(root, 'node_modules/@knight-lab/timelinejs');
const lighthouseCli = join(root, 'node_modules/lighthouse/cli/index.js');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// Lighthouse's desktop screen, for the time to the first release.
const VIEWPORT = { width: 1350, height: 940 };
const RUNS = positiveInt(process.env.BENCH_RUNS, 3);
const VISIBLE_RUNS = positiveInt(process.env.BENCH_VISIBLE_RUNS, 5);
const PROFILES = {
  mobile: ['--form-factor=mobile'], // Lighthouse's default: Moto G Power screen, slow 4G, 4x CPU
  desktop: ['--preset=desktop'], // desktop screen, 10 Mbit/s and 40 ms RTT, no CPU slowdown
};
const METRICS = {
  score: null, // the performance category's score, not an audit
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  bytes: 'total-byte-weight', // bytes transferred (compressed), all requests
};

function positiveInt(text, fallback) {
  const value = Number(text ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`expected a positive integer, got ${text}`);
  return value;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const progress = (...parts) => console.error(...parts);

// --- 1. The TimelineJS page -------------------------------------------------------------------

function escapeHtml(text) {
  const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return String(text ?? '').replace(/[&<>"']/g, (c) => entities[c]);
}

/** A Pressline date (YYYY, YYYY-MM or YYYY-MM-DD) as a TimelineJS date object. */
function timelineDate(date) {
  const match = /^(-?\d+)(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(date);
  if (!match) throw new Error(`unreadable date ${JSON.stringify(date)}`);
  const [, year, month, day] = match;
  return Object.fromEntries(Object.entries({ year, month, day }).filter(([, v]) => v).map(([k, v]) => [k, Number(v)]));
}

/** TimelineJS's JSON format; it renders headlines and text as HTML, hence the escaping. */
function timelineData(dataset) {
  return {
    title: { text: { headline: escapeHtml(dataset.title), text: `<p>${escapeHtml(dataset.description)}</p>` } },
    events: dataset.releases.map((release) => ({
      unique_id: release.id,
      start_date: timelineDate(release.date),
      text: { headline: escapeHtml(release.title), text: `<p>${escapeHtml(release.summary)}</p>` },
    })),
  };
}

/** Writes target/bench/timelinejs/: index.html, css/, js/, and .br/.gz copies. */
function makeTimelinePage(dataset) {
  rmSync(timelineDir, { recursive: true, force: true });
  mkdirSync(join(timelineDir, 'css'), { recursive: true });
  mkdirSync(join(timelineDir, 'js'), { recursive: true });
  // timeline.css finds its icon font in css/icons/; English is built into timeline.js, so no
  // locale files are fetched.
  copyFileSync(join(timelinePackage, 'dist/css/timeline.css'), join(timelineDir, 'css/timeline.css'));
  cpSync(join(timelinePackage, 'dist/css/icons'), join(timelineDir, 'css/icons'), { recursive: true });
  copyFileSync(join(timelinePackage, 'dist/js/timeline.js'), join(timelineDir, 'js/timeline.js'));
  // JSON inside <script>: only "<" could end the element early.
  const data = JSON.stringify(timelineData(dataset)).replace(/</g, '\\u003c');
  // As Knight Lab's "instantiate a timeline" guide does: CSS and script in the head, the
  // timeline filling the window. `font: null` keeps timeline.css's system fonts: the default font
  // set comes from Google Fonts, which cannot be reached from here and which Pressline does not use.
  writeFileSync(
    join(timelineDir, 'index.html'),
    `<!DOCTYPE html>
<html lang="${escapeHtml(dataset.lang ?? 'en')}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(dataset.title)} (TimelineJS)</title>
    <meta name="description" content="${escapeHtml(dataset.description)}" />
    <link rel="icon" href="data:," /><!-- no favicon request, and no 404 -->
    <link rel="stylesheet" href="css/timeline.css" />
    <style>html, body, #timeline { height: 100%; margin: 0; }</style>
    <script src="js/timeline.js"></script>
  </head>
  <body>
    <div id="timeline"></div>
    <script>
      window.timeline = new TL.Timeline('timeline', ${data}, { font: null });
    </script>
  </body>
</html>
`,
  );
  // Same codecs and levels as tools/web-pipeline/postbuild.mjs. Beyond its rule (text and
  // wasm), the page is compressed: it carries the releases, which Pressline serves compressed (in
  // its wasm and data/); and so is the icon font, which Chromium fetches as raw TrueType. Real
  // hosts and CDNs compress both on the fly.
  for (const name of readdirSync(timelineDir, { recursive: true })) {
    if (!/\.(html|js|css|svg|ttf|eot)$/.test(name)) continue;
    const path = join(timelineDir, name);
    execFileSync('brotli', ['-q', '11', '-f', '-o', `${path}.br`, path]);
    execFileSync('gzip', ['-9', '-n', '-k', '-f', path]);
  }
}

// --- 2. One server for both --------------------------------------------------------------------


// --- 3. Lighthouse -----------------------------------------------------------------------------

/** One Lighthouse run; resolves with the figures, or rejects saying why there are none. */
function lighthouse(url, profile, reportName) {
  const outputPath = join(reportsDir, `${reportName}.json`);
  const args = [
    lighthouseCli,
    url,
    '--only-categories=performance',
    ...PROFILES[profile],
    '--output=json',
    `--output-path=${outputPath}`,
    '--disable-full-page-screenshot',
    '--quiet',
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
  ];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, CHROME_PATH: chromePath },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-2000); });
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      if (code !== 0) return fail(new Error(`lighthouse exited with ${signal ?? `code ${code}`}: ${stderr.trim()}`));
      let report;
      try {
        report = JSON.parse(readFileSync(outputPath, 'utf8'));
      } catch (error) {
        return fail(error);
      }
      if (report.runtimeError) return fail(new Error(`${report.runtimeError.code}: ${report.runtimeError.message}`));
      const figures = {};
      for (const [key, audit] of Object.entries(METRICS)) {
        figures[key] = audit ? report.audits[audit]?.numericValue : report.categories.performance.score;
        if (typeof figures[key] !== 'number') return fail(new Error(`no ${audit ?? 'performance score'} in the report`));
      }
      figures.score = Math.round(figures.score * 100);
      figures.requests = report.audits['network-requests']?.details?.items?.length;
      figures.benchmarkIndex = report.environment?.benchmarkIndex; // this machine's speed, per run
      figures.lighthouseVersion = report.lighthouseVersion;
      return done(figures);
    });
  });
}

/** Lighthouse with one retry: a lone flaky run should not void the benchmark. */
async function measureLighthouse(url, profile, reportName) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await lighthouse(url, profile, reportName);
    } catch (error) {
      if (attempt === 2) return { error: error.message };
      progress(`    failed (${error.message.split('\n')[0]}), retrying`);
    }
  }
}

// --- 4. Time to the first release visible -----------------------------------------------------

/** Init script: on every animation frame until it succeeds, looks for an element matching
 * `selector` (and not `skip`) that shows text: rendered, not transparent, not clipped away by an
 * ancestor, within the window's width (the page may scroll down to it, not sideways) and, if on
 * screen, topmost at the centre of its visible part. Stores the time, what it found and whether
 * it was on screen in `window.__firstVisible`. */
function watchFirstVisible({ selector, skip, regions }) {
  /** Whether `element` shows: null if not, else { onScreen }. */
  const shows = (element) => {
    if (skip && element.closest(skip)) return null;
    if (!element.textContent.trim()) return null;
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return null;
    let { left, right, top, bottom } = element.getBoundingClientRect();
    // TimelineJS lays every slide and marker out side by side and clips them to its frame.
    for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
      const style = getComputedStyle(ancestor);
      const clipsX = /hidden|clip/.test(style.overflowX);
      const clipsY = /hidden|clip/.test(style.overflowY);
      if (!clipsX && !clipsY) continue;
      const box = ancestor.getBoundingClientRect();
      if (clipsX) [left, right] = [Math.max(left, box.left), Math.min(right, box.right)];
      if (clipsY) [top, bottom] = [Math.max(top, box.top), Math.min(bottom, box.bottom)];
    }
    [left, right] = [Math.max(left, 0), Math.min(right, innerWidth)];
    if (right - left < 1 || bottom - top < 1) return null;
    const onScreen = top < innerHeight - 1 && bottom > 1;
    if (onScreen) {
      // Not under a loading overlay or a dialog.
      const y = (Math.max(top, 0) + Math.min(bottom, innerHeight)) / 2;
      const hit = document.elementFromPoint((left + right) / 2, y);
      if (!hit || !element.contains(hit)) return null;
    }
    return { onScreen };
  };
  const describe = (element) => {
    const name = [element.localName, ...element.classList].join('.');
    const region = Object.entries(regions).find(([within]) => element.closest(within));
    return region ? `${name} (${region[1]})` : name;
  };
  const poll = () => {
    for (const element of document.querySelectorAll(selector)) {
      const shown = shows(element);
      if (shown) {
        window.__firstVisible = { ms: performance.now(), element: describe(element), ...shown };
        return;
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

async function timeToFirstVisible(browser, url, watch) {
  // A new context each time: an empty cache, as on a first visit.
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFirstVisible, watch);
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.__firstVisible, undefined, { polling: 100, timeout: 30_000 });
    return await handle.jsonValue();
  } catch (error) {
    return { error: error.message.split('\n')[0] };
  } finally {
    await context.close();
  }
}

// --- 5. Output ---------------------------------------------------------------------------------

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms) => `${Math.round(ms)} ms`;
const FORMAT = {
  score: (v) => String(Math.round(v)),
  fcp: seconds,
  lcp: seconds,
  tbt: millis,
  cls: (v) => v.toFixed(3),
  bytes: (v) => `${(v / 1000).toFixed(1)} KB`,
};
const cell = (value, format) => (typeof value === 'number' ? format(value) : 'n/a');

// --- Main --------------------------------------------------------------------------------------

for (const [path, hint] of [
  [join(dist, 'index.html'), `${relative(root, dist) || dist}/index.html is missing: run \`make build\` first (or \`make bench-phone\`).`],
  [lighthouseCli, 'Lighthouse is not installed: run `npm ci`.'],
  [join(timelinePackage, 'dist/js/timeline.js'), '@knight-lab/timelinejs is not installed: run `npm ci`.'],
  [chromePath, `no Chromium at ${chromePath}: run \`make tools-browser\` or set CHROME_PATH.`],
]) {
  if (!existsSync(path)) {
    console.error(hint);
    process.exit(2);
  }
}

rmSync(snapshotDir, { recursive: true, force: true });
cpSync(dist, snapshotDir, { recursive: true });
const datasetPath = [join(snapshotDir, 'data/releases.json'), join(root, 'public/data/releases.json')].find(existsSync);
// Named after the build it was copied from.
const datasetName = datasetPath.startsWith(snapshotDir) ? join(relative(root, dist), 'data/releases.json') : 'public/data/releases.json';
const dataset = JSON.parse(readFileSync(datasetPath, 'utf8'));
const timelineVersion = JSON.parse(readFileSync(join(timelinePackage, 'package.json'), 'utf8')).version;
const releaseId = dataset.releases[0].id;
progress(`Dataset: ${datasetName} (${dataset.releases.length} releases); TimelineJS ${timelineVersion}`);
makeTimelinePage(dataset);
mkdirSync(reportsDir, { recursive: true });

const pressPort = await freePort(Number(process.env.BENCH_PORT ?? 8290));
let timelinePort = await freePort(pressPort + 1);
while (timelinePort === pressPort) timelinePort = await freePort(0);
const pressline = `http://127.0.0.1:${pressPort}`;
const timelinejs = `http://127.0.0.1:${timelinePort}`;
const server = spawn(
  process.execPath,
  [join(root, 'tests/bench/serve-sites.mjs'), snapshotDir, String(pressPort), timelineDir, String(timelinePort)],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
const stopServer = () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopServer();
    process.exit(130);
  });
}

const PAGES = {
  timeline: { label: 'Pressline `/`', url: `${pressline}/` },
  release: { label: `Pressline \`/releases/${releaseId}/\``, url: `${pressline}/releases/${encodeURIComponent(releaseId)}/` },
  timelinejs: { label: `TimelineJS ${timelineVersion}`, url: `${timelinejs}/` },
};

let failed = false;
const results = {
  date: new Date().toISOString(),
  dist: relative(root, dist) || '.',
  dataset: datasetName,
  releases: dataset.releases.length,
  timelinejs: timelineVersion,
  lighthouse: { runsPerPresslinePage: RUNS, runs: [], medians: [] },
  firstReleaseVisible: { runsPerPage: VISIBLE_RUNS, viewport: VIEWPORT, runs: [], summary: [] },
};

try {
  await Promise.all([waitForServer(`${pressline}/`, server), waitForServer(`${timelinejs}/`, server)]);

  // Lighthouse, alternating Pressline and TimelineJS within each round.
  for (let run = 1; run <= RUNS; run += 1) {
    for (const profile of Object.keys(PROFILES)) {
      for (const page of ['timeline', 'timelinejs', 'release', 'timelinejs']) {
        const n = results.lighthouse.runs.filter((r) => r.page === page && r.profile === profile).length + 1;
        progress(`Lighthouse ${profile} ${page} #${n} (round ${run}/${RUNS})`);
        const figures = await measureLighthouse(PAGES[page].url, profile, `${page}-${profile}-${n}`);
        if (figures.error) {
          failed = true;
          progress(`    could not measure: ${figures.error}`);
        }
        results.lighthouse.runs.push({ page, profile, run: n, url: PAGES[page].url, ...figures });
      }
    }
  }
  for (const profile of Object.keys(PROFILES)) {
    for (const page of Object.keys(PAGES)) {
      const runs = results.lighthouse.runs.filter((r) => r.page === page && r.profile === profile && !r.error);
      const medians = Object.fromEntries(Object.keys(METRICS).map((key) => [key, runs.length ? median(runs.map((r) => r[key])) : null]));
      results.lighthouse.medians.push({ page, profile, runs: runs.length, ...medians });
    }
  }
  results.lighthouse.version = results.lighthouse.runs.find((r) => r.lighthouseVersion)?.lighthouseVersion;

  // Time to the first release visible, alternating, after a warm-up of each.
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')) });
  try {
    results.firstReleaseVisible.chromium = browser.version();
    const subjects = {
      timeline: { selector: 'main article', skip: null, regions: {} },
      timelinejs: { selector: '.tl-headline', skip: '.tl-slide-titleslide, .tl-headline-title', regions: { '.tl-timemarker': 'time axis', '.tl-slide': 'slide' } },
    };
    for (let run = 0; run <= VISIBLE_RUNS; run += 1) {
      for (const [page, watch] of Object.entries(subjects)) {
        const measured = await timeToFirstVisible(browser, PAGES[page].url, watch);
        if (run === 0) continue; // the warm-up
        progress(`First release visible: ${page} #${run}: ${measured.error ?? `${millis(measured.ms)}, ${measured.element}${measured.onScreen ? '' : ', below the fold'}`}`);
        if (measured.error) failed = true;
        results.firstReleaseVisible.runs.push({ page, run, url: PAGES[page].url, ...measured });
      }
    }
    for (const page of Object.keys(subjects)) {
      const runs = results.firstReleaseVisible.runs.filter((r) => r.page === page && !r.error);
      const times = runs.map((r) => r.ms);
      results.firstReleaseVisible.summary.push({
        page,
        runs: times.length,
        onScreen: runs.filter((r) => r.onScreen).length,
        min: times.length ? Math.min(...times) : null,
        median: times.length ? median(times) : null,
        max: times.length ? Math.max(...times) : null,
      });
    }
  } finally {
    await browser.close();
  }
} catch (error) {
  failed = true;
  console.error(error.stack ?? error.message);
} finally {
  stopServer();
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'phone.json'), `${JSON.stringify(results, null, 2)}\n`);

const lighthouseRows = results.lighthouse.medians.map((m) =>
  `| ${PAGES[m.page].label} | ${m.profile} | ${Object.keys(METRICS).map((key) => cell(m[key], FORMAT[key])).join(' | ')} |`);
console.log(`### Lighthouse ${results.lighthouse.version ?? ''} (performance only, simulated throttling; medians of ${RUNS} runs, TimelineJS ${2 * RUNS})

| page | profile | Lighthouse performance | FCP | LCP | TBT | CLS | transferred |
|---|---|---|---|---|---|---|---|
${lighthouseRows.join('\n')}

### Time to the first release visible (desktop Chromium ${results.firstReleaseVisible.chromium ?? ''}, ${VIEWPORT.width}x${VIEWPORT.height}, no throttling)

| page | runs | min | median | max | on screen |
|---|---|---|---|---|---|
${results.firstReleaseVisible.summary.map((s) => `| ${PAGES[s.page].label} | ${s.runs} | ${cell(s.min, millis)} | ${cell(s.median, millis)} | ${cell(s.max, millis)} | ${s.onScreen}/${s.runs} |`).join('\n')}

Raw figures: ${relative(root, join(out, 'phone.json'))}; Lighthouse reports: ${relative(root, reportsDir)}/`);
if (failed) console.error('Some figures could not be measured (see above).');
process.exit(failed ? 1 : 0);

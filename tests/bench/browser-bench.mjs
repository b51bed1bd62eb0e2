// Browser benchmark over the release build: for each synthetic dataset, load time, memory after
// load, keystroke-to-paint in the search box and facet-click-to-paint, in headless Chromium.
// Usage: node tests/bench/browser-bench.mjs target/datasets/releases-10000.json ...
//        [archive:target/datasets/archive-100000] (a directory made by `pressline shard`)
// Prints a Markdown table (make bench).
import { chromium } from '@playwright/test';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { basename } from 'node:path';

import { measured, watchLatencies } from './latency.mjs';
import { listjsAnchor } from './listjs-anchor.mjs';

const datasets = process.argv.slice(2).filter((arg) => !arg.startsWith('archive:'));
const archives = process.argv.slice(2).filter((arg) => arg.startsWith('archive:')).map((arg) => arg.slice(8));
const PORT = 8299;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** A copy of dist/ whose page loads `dataset` at run time (through data-src). */
function prepareDist(dataset) {
  const dir = `target/bench-dist/${basename(dataset, '.json')}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync('dist', dir, { recursive: true });
  cpSync(dataset, `${dir}/data/bench.json`);
  const html = readFileSync(`${dir}/index.html`, 'utf8').replace('<body>', '<body data-src="/data/bench.json" data-max-bytes="1000000000" data-timeout-ms="600000">');
  writeFileSync(`${dir}/index.html`, html);
  return dir;
}

/** Records the page's main-thread tasks over 50 ms (the Long Tasks API) in
 * `window.__longTasks` as `{ start, duration }`: how long the tab stops answering. */
async function watchLongTasks(page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });
}

async function serve(dir) {
  const server = spawn('node', ['tests/e2e/serve-dist.mjs', dir, String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  return server;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
const anchorRows = [];
const archiveRows = [];
const targetRows = [];
const servers = [];
try {
for (const dataset of datasets) {
  const dir = prepareDist(dataset);
  const server = await serve(dir);
  servers.push(server);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });
  });
  await watchLongTasks(page);
  const client = await page.context().newCDPSession(page);
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const total = JSON.parse(readFileSync(dataset, 'utf8')).releases.length;
  await page.locator(`.result-count[data-count="${total}"]`).waitFor({ timeout: 300_000 });
  const loadMs = Date.now() - started;
  await client.send('HeapProfiler.collectGarbage');
  const heap = await client.send('Runtime.getHeapUsage');
  const wasmBytes = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  const parseMs = await page.evaluate(() => performance.getEntriesByName('pressline:parse-and-index')[0]?.duration ?? NaN);
  const articles = await page.locator('article').count();
  const loadTasks = (await page.evaluate(() => window.__longTasks)).map((task) => task.duration);

  // Time from an input event to the frame after the results for it are in the DOM.
  await watchLatencies(page, '.timeline__results', { attributes: true, attributeFilter: ['data-rendered-query'] });
  // The histogram redraws once the view settles: from its start mark to the frame after its
  // drawing changed.
  await page.evaluate(() => {
    window.__histogram = [];
    new MutationObserver(() => {
      const start = performance.getEntriesByName('pressline:histogram-start').at(-1)?.startTime;
      if (start === undefined) return;
      requestAnimationFrame(() => setTimeout(() => window.__histogram.push(performance.now() - start), 0));
    }).observe(document.querySelector('.histogram__svg'), { childList: true, subtree: true, attributes: true });
  });
  const redraws = [];
  const histogramAfter = async () => {
    const before = await page.evaluate(() => window.__histogram.length);
    await page.waitForFunction((n) => window.__histogram.length > n, before, { timeout: 60_000 });
    await page.waitForTimeout(300);
    redraws.push(await page.evaluate((n) => Math.max(...window.__histogram.slice(n)), before));
  };
  const box = page.locator('#search-input');
  await box.focus();
  const word = 'authorities report';
  const keys = [];
  for (const key of word) keys.push(await measured(page, () => page.keyboard.press(key === ' ' ? 'Space' : key)));
  await histogramAfter();
  const clicks = [];
  await box.fill('');
  await page.waitForFunction(() => document.querySelector('.timeline__results').dataset.renderedQuery === '');
  const topics = await page.locator('fieldset[data-facet="topic"] input:not([disabled])')
    .evaluateAll((inputs) => inputs.slice(0, 3).map((i) => i.value));
  for (const value of topics) {
    const checkbox = page.locator(`fieldset[data-facet="topic"] input[value="${value}"]`);
    clicks.push(await measured(page, () => checkbox.click())); // select
    await histogramAfter();
    clicks.push(await measured(page, () => checkbox.click())); // and unselect
    await histogramAfter();
  }
  rows.push(`| ${total} | ${mib(statSync(dataset).size)} | ${(loadMs / 1000).toFixed(1)} s | ${(parseMs / 1000).toFixed(2)} s | ${fmt(Math.max(0, ...loadTasks))} | ${mib(heap.usedSize)} | ${mib(wasmBytes)} | ${articles} | ${fmt(median(keys))} (worst ${fmt(Math.max(...keys))}, first ${fmt(keys[0])}) | ${fmt(median(clicks))} (worst ${fmt(Math.max(...clicks))}) | ${fmt(median(redraws))} (worst ${fmt(Math.max(...redraws))}) |`);
  await page.close();
  server.kill();
  // The anchor, in the same run: list.js over the same releases, the same word and topics.
  const anchor = await listjsAnchor({ browser, serve, port: PORT, dataset, word, topics });
  anchorRows.push(`| ${anchor.total} | list.js 2.3.1 | ${(anchor.loadMs / 1000).toFixed(1)} s | ${anchor.items} | ${fmt(median(anchor.keys))} (worst ${fmt(Math.max(...anchor.keys))}) | ${fmt(median(anchor.clicks))} (worst ${fmt(Math.max(...anchor.clicks))}) |`);
  anchorRows.push(`| ${total} | Pressline | ${(loadMs / 1000).toFixed(1)} s | ${articles} | ${fmt(median(keys))} (worst ${fmt(Math.max(...keys))}) | ${fmt(median(clicks))} (worst ${fmt(Math.max(...clicks))}) |`);
  // Issue 24's targets, for the sizes they name (10k and 100k releases with bodies).
  const json = statSync(dataset).size;
  const goal = total <= 10_000
    ? { key: 16, worst: Infinity, click: 16 }
    : { key: 33, worst: 50, click: 33 };
  const mark = (ok) => (ok ? 'met' : '**missed**');
  targetRows.push(`| ${total} | ${fmt(median(keys))} ≤ ${goal.key} ms: ${mark(median(keys) <= goal.key)} | ${goal.worst === Infinity ? '–' : `${fmt(Math.max(...keys))} ≤ ${goal.worst} ms: ${mark(Math.max(...keys) <= goal.worst)}`} | ${(median(keys) / median(anchor.keys)).toFixed(2)}× list.js${total <= 10_000 ? ` ≤ 0.5×: ${mark(median(keys) <= 0.5 * median(anchor.keys))}` : ''} | ${fmt(median(clicks))} ≤ ${goal.click} ms: ${mark(median(clicks) <= goal.click)} | ${(wasmBytes / json).toFixed(2)}× the JSON${total >= 100_000 ? ` ≤ 2×: ${mark(wasmBytes <= 2 * json)}` : ''} | ${fmt(Math.max(0, ...loadTasks))} ≤ 100 ms: ${mark(Math.max(0, ...loadTasks) <= 100)} |`);
}
for (const archive of archives) {
  // The sharded archive: time to the first render (manifest + newest shard), then a search
  // that needs every shard, until all are merged.
  const dir = `target/bench-dist/${basename(archive)}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync('dist', dir, { recursive: true });
  cpSync(archive, `${dir}/data/archive`, { recursive: true });
  writeFileSync(`${dir}/index.html`, readFileSync(`${dir}/index.html`, 'utf8').replace('<body>',
    '<body data-src="/data/archive/manifest.json" data-max-bytes="1000000000" data-timeout-ms="600000">'));
  const manifest = JSON.parse(readFileSync(`${archive}/manifest.json`, 'utf8'));
  const server = await serve(dir);
  servers.push(server);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await watchLongTasks(page);
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.locator(`.result-count[data-count="${manifest.shards[0].count}"]`).waitFor({ timeout: 300_000 });
  const firstMs = Date.now() - started;
  const total = manifest.shards.reduce((sum, shard) => sum + shard.count, 0);
  const searchStarted = Date.now();
  await page.locator('#search-input').fill('a');
  await page.locator(`.archive-status[data-archive-loaded="${manifest.shards.length}/${manifest.shards.length}"]`).waitFor({ state: "attached", timeout: 600_000 });
  const allMs = Date.now() - searchStarted;
  const searchAt = await page.evaluate((ms) => performance.now() - ms, allMs);
  const longTasks = (await page.evaluate(() => window.__longTasks)).filter((task) => task.start >= searchAt);
  const longest = Math.max(0, ...longTasks.map((task) => task.duration));
  const blocked = longTasks.reduce((sum, task) => sum + task.duration, 0);
  archiveRows.push(`| ${total} in ${manifest.shards.length} shards | newest shard: ${manifest.shards[0].count} releases | ${(firstMs / 1000).toFixed(1)} s | ${(allMs / 1000).toFixed(1)} s | ${fmt(longest)} (${longTasks.length} over 50 ms, ${(blocked / 1000).toFixed(1)} s in all) |`);
  await page.close();
  server.kill();
}
} finally {
  for (const server of servers) server.kill();
  await browser.close();
}
console.log('| releases | JSON | load to first render | parse + validate + index (wasm) | longest task while loading | JS heap after GC | wasm memory | articles in DOM | keystroke to paint, median of 18 | facet click to paint, median of 6 | histogram redraw to paint, median of 7 |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
console.log();
console.log('Beside list.js, same run (the same word typed, the same three topics clicked on and off, 100 items shown):');
console.log();
console.log('| releases | page | load to first render | items in DOM | keystroke to paint | facet click to paint |');
console.log('|---:|---|---:|---:|---:|---:|');
for (const row of anchorRows) console.log(row);
console.log();
console.log('Against the targets (issue 24), same run:');
console.log();
console.log('| releases | keystroke, median | keystroke, worst | keystroke beside list.js | facet click, median | wasm memory | longest task while loading |');
console.log('|---:|---|---|---|---|---|---|');
for (const row of targetRows) console.log(row);
if (archiveRows.length) {
  console.log();
  console.log('| sharded archive | first shard | fetch to first render | a search until every shard is merged | longest main-thread task meanwhile |');
  console.log('|---|---:|---:|---:|---:|');
  for (const row of archiveRows) console.log(row);
}

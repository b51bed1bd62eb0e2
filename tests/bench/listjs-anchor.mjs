// The filtering anchor for `make bench`: list.js (from npm) on a page of the same releases,
// 100 shown at a time like Pressline's page of results, searched by typing the same word and
// filtered by the same three topics, timed the same way (from the input event to the frame
// after the list changed). Used by browser-bench.mjs, in the same run as Pressline.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

import { measured, watchLatencies } from './latency.mjs';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>list.js anchor</title></head>
<body>
<div id="releases">
  <input class="search" id="search-input" aria-label="Search">
  <div id="topics"></div>
  <p id="count"></p>
  <ul class="list"></ul>
</div>
<script src="list.min.js"></script>
<script src="page.js"></script>
</body></html>`;

// Builds the list from data.json; topic checkboxes filter it (every checked topic must match).
const SCRIPT = `
fetch('data.json').then((response) => response.json()).then((items) => {
  const list = new List('releases', {
    valueNames: ['title', 'kind', 'date', 'summary', 'topics'],
    item: '<li><h3 class="title"></h3><p><span class="kind"></span> <span class="date"></span></p><p class="summary"></p><p class="topics"></p></li>',
    page: 100,
  }, items);
  const checked = new Set();
  window.addTopic = (topic) => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = topic;
    box.addEventListener('change', () => {
      if (box.checked) checked.add(topic); else checked.delete(topic);
      if (checked.size === 0) list.filter();
      else list.filter((item) => [...checked].every((t) => item.values().topics.split(' | ').includes(t)));
    });
    document.getElementById('topics').append(box);
  };
  list.on('updated', () => { document.getElementById('count').textContent = String(list.matchingItems.length); });
  window.__ready = items.length;
});
`;

/** A directory serving the list.js page over `dataset`'s releases. */
function prepare(dataset) {
  const dir = `target/bench-dist/listjs-${basename(dataset, '.json')}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync('node_modules/list.js/dist/list.min.js', `${dir}/list.min.js`);
  const items = JSON.parse(readFileSync(dataset, 'utf8')).releases.map((release) => ({
    title: release.title ?? '',
    kind: release.kind ?? '',
    date: release.date ?? '',
    summary: release.summary ?? '',
    topics: (release.topics ?? []).join(' | '),
  }));
  writeFileSync(`${dir}/data.json`, JSON.stringify(items));
  writeFileSync(`${dir}/index.html`, PAGE);
  writeFileSync(`${dir}/page.js`, SCRIPT);
  return { dir, total: items.length };
}

/**
 * Loads the list.js page for `dataset` (served from `serve(dir)` on `port`), types `word` and
 * clicks each of `topics` on and off; returns the load time, the keystrokes' and clicks'
 * times to paint, and how many items are in the DOM.
 */
export async function listjsAnchor({ browser, serve, port, dataset, word, topics }) {
  const { dir, total } = prepare(dataset);
  const server = await serve(dir);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const started = Date.now();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction((n) => window.__ready === n, total, { timeout: 300_000 });
    const loadMs = Date.now() - started;
    for (const topic of topics) await page.evaluate((t) => window.addTopic(t), topic);
    // The list and its count (set on every update, so every search makes a mutation).
    await watchLatencies(page, '#releases', { childList: true, subtree: true, characterData: true });
    await page.locator('#search-input').focus();
    const keys = [];
    for (const key of word) keys.push(await measured(page, () => page.keyboard.press(key === ' ' ? 'Space' : key)));
    await page.locator('#search-input').fill('');
    await page.locator('#search-input').dispatchEvent('keyup');
    await page.waitForFunction((n) => document.getElementById('count').textContent === String(n), total);
    const clicks = [];
    for (let i = 0; i < topics.length; i += 1) {
      const box = page.locator('#topics input').nth(i);
      clicks.push(await measured(page, () => box.click()));
      clicks.push(await measured(page, () => box.click()));
    }
    const items = await page.locator('.list > li').count();
    await page.close();
    return { loadMs, keys, clicks, items, total };
  } finally {
    server.kill();
  }
}

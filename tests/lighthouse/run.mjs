// Lighthouse against the release build: serves dist/ the way a static host would
// (tests/e2e/serve-dist.mjs, with dist/_headers and its strict CSP), audits the timeline and a
// release page (desktop, no throttling) for accessibility, best practices, SEO and performance,
// prints the four scores per page, writes the reports to target/lighthouse/, and fails when
// accessibility is below 100.
//
// Usage (from the repository root, after `make build`): node tests/lighthouse/run.mjs
// Environment: CHROME_PATH (default /usr/bin/chromium), LIGHTHOUSE_PORT (default 8196, or any
// free port if that one is taken).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_FLAGS, freePort, waitForServer } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');
const out = join(root, 'target/lighthouse');
const lighthouseCli = join(root, 'node_modules/lighthouse/cli/index.js');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['accessibility', 'best-practices', 'seo', 'performance'];
// A release of the bundled dataset (public/data/releases.json).
const PAGES = [
  { name: 'timeline', path: '/' },
  { name: 'release', path: '/releases/russian-attacks-on-critical-energy-infrastructure' },
];


/** Runs the Lighthouse CLI for one page; resolves with the parsed JSON report. */
function audit(url, name) {
  const outputPath = join(out, name);
  const args = [
    lighthouseCli,
    url,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--preset=desktop', // form factor, screen emulation and user agent of a desktop
    '--throttling-method=provided', // no network or CPU throttling: the page as served
    '--output=json',
    '--output=html',
    `--output-path=${outputPath}`,
    '--disable-full-page-screenshot',
    '--quiet',
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
  ];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, CHROME_PATH: chromePath },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      if (code !== 0) return fail(new Error(`lighthouse exited with ${signal ?? `code ${code}`} for ${url}`));
      return done(JSON.parse(readFileSync(`${outputPath}.report.json`, 'utf8')));
    });
  });
}

/** The audits that cost a category points: id, score and title. */
function shortfalls(report, category) {
  return report.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => report.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => `    ${audit.id} (${audit.score}): ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`);
}

if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html is missing: run `make build` first (or `make lighthouse`).');
  process.exit(2);
}
if (!existsSync(lighthouseCli)) {
  console.error('Lighthouse is not installed: run `npm ci`.');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const port = await freePort(Number(process.env.LIGHTHOUSE_PORT ?? 8196));
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [join(root, 'tests/e2e/serve-dist.mjs'), dist, String(port)], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stopServer = () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopServer();
    process.exit(130);
  });
}

let failed = false;
try {
  await waitForServer(`${base}/`, server);
  const rows = [];
  for (const page of PAGES) {
    const url = `${base}${page.path}`;
    console.log(`Lighthouse: ${url}`);
    const report = await audit(url, page.name);
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, report.categories[id].score]));
    rows.push({ page: page.name, ...Object.fromEntries(CATEGORIES.map((id) => [id, Math.round(scores[id] * 100)])) });
    for (const id of CATEGORIES) {
      const lost = shortfalls(report, id);
      if (lost.length) console.log(`  ${id}:\n${lost.join('\n')}`);
    }
    if (scores.accessibility < 1) {
      failed = true;
      console.error(`  accessibility is ${Math.round(scores.accessibility * 100)} on ${page.name}: it must be 100`);
    }
  }
  console.table(rows);
  console.log(`Reports: ${out}/{${PAGES.map((p) => p.name).join(',')}}.report.{json,html}`);
} catch (error) {
  failed = true;
  console.error(error.message);
} finally {
  stopServer();
}
process.exit(failed ? 1 : 0);

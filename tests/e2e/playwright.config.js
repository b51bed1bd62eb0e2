// Playwright end-to-end tests against the release build in dist/, in Debian's Chromium (this
// machine cannot download Playwright's own browsers).
import { defineConfig } from '@playwright/test';
import { CHROME_FLAGS } from '../lighthouse/chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 8199);

export default defineConfig({
  testDir: '.',
  outputDir: '../../target/playwright-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Playwright starts it headless itself.
      args: CHROME_FLAGS.filter((flag) => !flag.startsWith('--headless')),
    },
  },
  webServer: [
    {
      // Paths are relative to the repository root, where `make e2e` runs.
      // dist/_headers applies (the strict CSP among them); the fixture origin is a data origin.
      command: `node tests/e2e/serve-dist.mjs dist ${port}`,
      env: { PRESSLINE_CONNECT_SRC: `http://127.0.0.1:${port - 1}` },
      cwd: '../..',
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Another origin serving datasets and failures, for the fetched-dataset tests.
      command: `node tests/e2e/fixture-server.mjs ${port - 1}`,
      cwd: '../..',
      url: `http://127.0.0.1:${port - 1}/ok.json`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // A build for /campaigns/ukraine/ on a host without rewrite rules (404.html fallback).
      command: `node tests/e2e/serve-dist.mjs target/dist-subpath ${port - 2} 127.0.0.1 --base /campaigns/ukraine/ --no-rewrite`,
      cwd: '../..',
      url: `http://127.0.0.1:${port - 2}/campaigns/ukraine/robots.txt`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // `pressline publish` over dist/ with the bundled dataset (made by `make e2e`).
      command: `node tests/e2e/serve-dist.mjs target/dist-published ${port - 4}`,
      cwd: '../..',
      url: `http://127.0.0.1:${port - 4}/robots.txt`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // `pressline publish` over dist/ with tests/fixtures/hostile-publish.json.
      command: `node tests/e2e/serve-dist.mjs target/dist-hostile ${port - 5}`,
      cwd: '../..',
      url: `http://127.0.0.1:${port - 5}/robots.txt`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The editor (Decap CMS at /admin/, decap-server behind /api/v1) and the timeline it feeds,
      // on a fresh copy of content/ in target/edit-e2e (admin.spec.js).
      command: `node tools/edit-server.mjs --dist dist --port ${port - 7} --decap-port ${port - 8} --repo target/edit-e2e --fresh-copy-of .`,
      cwd: '../..',
      url: `http://127.0.0.1:${port - 7}/admin/config.yml`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // `pressline publish` over dist/ with the three-language newsroom and its pictures
      // (tests/fixtures/newsroom, newsroom.spec.js).
      command: `node tests/e2e/serve-dist.mjs target/dist-newsroom ${port - 9}`,
      cwd: '../..',
      url: `http://127.0.0.1:${port - 9}/robots.txt`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // `pressline publish` over dist/ with the XSS corpus (tests/fixtures/xss).
      command: `node tests/e2e/serve-dist.mjs target/dist-xss ${port - 6}`,
      cwd: '../..',
      url: `http://127.0.0.1:${port - 6}/robots.txt`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});

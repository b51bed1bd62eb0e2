// The press office's editor: the real Decap CMS (npm decap-cms, served from the build at
// /admin/) against decap-server (its local backend), through tools/edit-server.mjs working on a
// copy of content/ in target/edit-e2e. A release written in the form lands as a Markdown file,
// passes `pressline validate`, and shows in the timeline.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { test, expect } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8199);
const EDIT = `http://127.0.0.1:${port - 7}`;
const CONTENT = 'target/edit-e2e/content';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** Console errors, page errors and requests to any origin but the editor's. */
function watch(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== EDIT) problems.push(`request to ${url.origin}`);
  });
  return problems;
}

/** Opens the editor and signs in to the local backend (no account: decap-server). */
async function signIn(page) {
  await page.goto(`${EDIT}/admin/`);
  await page.getByRole('button', { name: /login/i }).click();
  await expect(page.getByRole('link', { name: 'Releases' }).first()).toBeVisible({ timeout: 30_000 });
}

test('the editor loads from the deploy itself, with its own policy and no console error', async ({ page, request }) => {
  const problems = watch(page);
  const answer = await request.get(`${EDIT}/admin/`);
  const policy = answer.headers()['content-security-policy'];
  expect(policy).toContain("style-src 'self' 'unsafe-inline'");
  expect(policy).not.toContain('wasm-unsafe-eval\'; style-src \'self\';');
  // The app keeps its strict policy.
  const app = await request.get(`${EDIT}/`);
  expect(app.headers()['content-security-policy']).toContain("style-src 'self';");
  await signIn(page);
  // The seed's releases are listed, read from their Markdown files.
  const seed = JSON.parse(readFileSync('public/data/releases.json', 'utf8'));
  await expect(page.getByText(seed.releases[0].title).first()).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'target/screenshots/admin-list.png' });
  expect(problems).toEqual([]);
});

test('a release written in the form lands as content/releases/<id>.md, validates and shows in the timeline', async ({ page }) => {
  const problems = watch(page);
  await signIn(page);
  await page.goto(`${EDIT}/admin/#/collections/releases/new`);
  const title = 'Kharkiv school strike: witnesses speak';
  await page.locator('[id^="title-field"]').fill(title);
  await page.locator('[id^="date-field"]').fill('2026-11-30T09:30');
  await page.locator('[id^="summary-field"]').fill('Three witnesses describe the strike on a school used as a shelter.');
  // The Markdown widget's rich-text editor.
  const body = page.locator('[contenteditable="true"]').first();
  await body.click();
  await page.keyboard.type('Witnesses told our researchers the school sheltered 40 families.');
  await page.locator('[id^="title-field"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'target/screenshots/admin-new-release.png' });
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Publish now').click();
  const file = `${CONTENT}/releases/kharkiv-school-strike-witnesses-speak.md`;
  await expect.poll(() => existsSync(file), { timeout: 20_000 }).toBe(true);
  const written = readFileSync(file, 'utf8');
  expect(written.startsWith('---\n')).toBe(true);
  expect(written).toContain(title);
  expect(written).toContain('school sheltered 40 families');

  // The folder, with the new file, passes validation: exit status 0.
  const said = execFileSync('target/debug/pressline', ['validate', CONTENT], { encoding: 'utf8' });
  expect(said).toMatch(/0 skipped, 0 problems/);

  // A rebuild publishes it: its page is prerendered from the folder.
  rmSync('target/edit-e2e/site', { recursive: true, force: true });
  cpSync('dist', 'target/edit-e2e/site', { recursive: true });
  execFileSync('target/debug/pressline', ['publish', CONTENT, '--out', 'target/edit-e2e/site', '--quiet'], { encoding: 'utf8' });
  const published = readFileSync('target/edit-e2e/site/releases/kharkiv-school-strike-witnesses-speak/index.html', 'utf8');
  expect(published).toContain('school sheltered 40 families');

  // The timeline reads the content folder: the new release is there, and its page.
  await page.goto(`${EDIT}/`);
  await expect(page.locator('article[data-release-id="kharkiv-school-strike-witnesses-speak"]')).toBeVisible({ timeout: 30_000 });
  await page.locator('article[data-release-id="kharkiv-school-strike-witnesses-speak"] .release-card__title a').click();
  await expect(page.locator('main h1')).toHaveText(title);
  expect(problems).toEqual([]);
});

// Search, facets, date range, sort and URL state, checked against the core's own answers.
import { test, expect } from './fixtures.js';
import { watchForErrors } from './helpers.js';
import { coreAnswer } from './oracle.js';

/** The query string of the page's URL, without the "?". */
function queryOf(page) {
  return new URL(page.url()).search.replace(/^\?/, '');
}

/** Asserts the page shows exactly what the core answers for the page's current URL. */
async function expectCoreAnswer(page, query = queryOf(page)) {
  const answer = coreAnswer(query);
  // Wait until the results on screen were rendered for this very view.
  await expect(page.locator('.timeline__results')).toHaveAttribute('data-rendered-query', answer.canonical);
  const status = page.locator('.result-count');
  await expect(status).toHaveAttribute('data-count', String(answer.count));
  const shown = Math.min(answer.count, 100);
  await expect(page.locator('article[data-release-id]')).toHaveCount(shown);
  const ids = await page.locator('article[data-release-id]').evaluateAll(
    (articles) => articles.map((a) => a.dataset.releaseId),
  );
  expect(ids).toEqual(answer.ids.slice(0, 100));
  const words = answer.count === answer.total
    ? `${answer.total} release${answer.total === 1 ? '' : 's'}`
    : `${answer.count} of ${answer.total} releases`;
  await expect(status).toHaveText(answer.count === 0 && answer.count === answer.total ? 'No releases' : words);
  return answer;
}

/** Types into the search box (replacing its text) and waits for the URL to follow. */
async function search(page, text) {
  await page.getByRole('searchbox', { name: 'Search releases' }).fill(text);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(&|$)`));
}

/** Asserts every visible facet count equals the core's. */
async function expectFacetCounts(page, answer) {
  for (const [facet, counts] of Object.entries(answer.facet_counts)) {
    const rows = page.locator(`fieldset[data-facet="${facet}"] .facet__value`);
    const seen = await rows.evaluateAll((items) => items.map((li) => [
      li.querySelector('input').value,
      Number(li.querySelector('[data-facet-count]').dataset.facetCount),
      li.querySelector('input').disabled,
      li.querySelector('input').checked,
    ]));
    expect(seen.length).toBeGreaterThan(0);
    for (const [value, count, disabled, checked] of seen) {
      expect(count, `${facet}=${value}`).toBe(counts[value] ?? 0);
      expect(disabled, `${facet}=${value} disabled`).toBe(count === 0 && !checked);
    }
  }
}

test.beforeEach(async ({ page }) => {
  // Wide enough for the filters to start open.
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('each facet filters, counts match the core, and values combine', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto('/');
  await expectCoreAnswer(page);
  const picks = [
    ['kind', 'Press Release'],
    ['topic', 'War crimes'],
    ['place', 'Ukraine'],
    ['person', 'Marie Struthers'],
    ['year', '2022'],
  ];
  for (const [facet, value] of picks) {
    await page.locator(`fieldset[data-facet="${facet}"] input[value="${value}"]`).check();
    await expect(page).toHaveURL(new RegExp(`${facet}=${encodeURIComponent(value).replace(/%20/g, '%20')}`));
    const answer = await expectCoreAnswer(page);
    await expectFacetCounts(page, answer);
  }
  expect(queryOf(page)).toBe(
    'kind=Press%20Release&topic=War%20crimes&place=Ukraine&person=Marie%20Struthers&year=2022',
  );
  // OR within a facet: adding a second kind widens.
  await page.goto('/?kind=Report');
  await expectCoreAnswer(page);
  await page.locator('fieldset[data-facet="kind"] input[value="Statement"]').check();
  const both = await expectCoreAnswer(page);
  expect(both.count).toBe(2);
  // A value with no match given the other filters is disabled but visible.
  await page.goto('/?place=Belarus');
  const belarus = await expectCoreAnswer(page);
  await expectFacetCounts(page, belarus);
  await expect(page.locator('fieldset[data-facet="kind"] input[value="Report"]')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('the date range filters inclusively and explains an inverted range', async ({ page }) => {
  await page.goto('/');
  await page.locator('input[name="from"]').fill('2022-09-06');
  await page.locator('input[name="to"]').fill('2022-09-12');
  await expect(page).toHaveURL(/from=2022-09-06&to=2022-09-12/);
  const answer = await expectCoreAnswer(page);
  expect(answer.count).toBe(3);
  await page.goto('/?from=2022-12-01&to=2022-01-01');
  await expect(page.locator('.date-range__message')).toContainText('is after the end date');
  await expectCoreAnswer(page);
});

test('search: prefixes, Cyrillic, phrases, exclusions, highlights', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search releases' });
  const before = await page.evaluate(() => history.length);
  await box.pressSequentially('strut');
  await expect(page).toHaveURL(/q=strut$/);
  expect(await page.evaluate(() => history.length), 'typing replaces history entries').toBe(before);
  const answer = await expectCoreAnswer(page);
  expect(answer.count).toBe(5);
  await expect(page.locator('article mark').first()).toHaveText('Struthers');

  // The seed's one Cyrillic word was a credit's "Фото:" label, which reading the data drops
  // (the page prints its own): the app and the core agree there is nothing.
  await search(page, 'фото');
  const cyrillic = await expectCoreAnswer(page);
  expect(cyrillic.count).toBe(0);

  await search(page, '"crime against humanity"');
  const phrase = await expectCoreAnswer(page);
  expect(phrase.ids).toEqual(['russias-unlawful-transfer-of-civilians-a-war-crime']);
  await expect(page.locator('article mark')).toContainText(['Crime Against Humanity']);

  await search(page, 'struthers -belarus');
  const excluded = await expectCoreAnswer(page);
  expect(excluded.count).toBe(4);
  expect(errors).toEqual([]);
});

test('sort, clear all, and the empty state', async ({ page }) => {
  await page.goto('/?kind=Press+Release');
  await page.getByLabel('Sort').selectOption('oldest');
  await expect(page).toHaveURL(/sort=oldest/);
  const oldest = await expectCoreAnswer(page);
  expect(oldest.ids[0]).toBe('belarus-student-jailed-for-reposting-criticism-of-ukraine-war');

  await search(page, 'zzzzq');
  await expect(page.locator('[data-empty-state]')).toBeVisible();
  await expect(page.locator('.result-count')).toHaveAttribute('data-count', '0');
  // Nothing to download or embed for no releases.
  await expect(page.locator('.downloads')).toBeHidden();
  await expect(page.locator('.embed-open')).toBeHidden();
  const loosen = page.locator('[data-empty-state] a', { hasText: 'Remove the search “zzzzq”' });
  await loosen.click();
  await expectCoreAnswer(page);
  await expect(page.locator('.downloads')).toBeVisible();
  expect(queryOf(page)).toBe('kind=Press%20Release&sort=oldest');

  await page.getByRole('button', { name: 'Clear all filters' }).click();
  expect(queryOf(page)).toBe('sort=oldest');
  await expectCoreAnswer(page);
  await expect(page.getByRole('button', { name: 'Clear all filters' })).toBeDisabled();
});

test('back and forward restore each view', async ({ page }) => {
  await page.goto('/');
  await page.locator('fieldset[data-facet="kind"] input[value="Press Release"]').check();
  await expect(page).toHaveURL(/kind=Press%20Release$/);
  await page.locator('fieldset[data-facet="place"] input[value="Mariupol"]').check();
  await expect(page).toHaveURL(/place=Mariupol/);
  await expectCoreAnswer(page);
  await page.goBack();
  await expect(page).toHaveURL(/kind=Press%20Release$/);
  await expectCoreAnswer(page);
  await expect(page.locator('fieldset[data-facet="place"] input[value="Mariupol"]')).not.toBeChecked();
  await page.goBack();
  await expectCoreAnswer(page, '');
  await page.goForward();
  await page.goForward();
  await expect(page.locator('fieldset[data-facet="place"] input[value="Mariupol"]')).toBeChecked();
  await expectCoreAnswer(page);
});

test('a pasted URL reproduces the view exactly', async ({ page }) => {
  const query = 'q=russia&kind=Press%20Release&place=Ukraine&from=2022-08-01&sort=oldest';
  await page.goto(`/?${query}`);
  await expectCoreAnswer(page, query);
  await page.screenshot({ path: 'target/screenshots/timeline-filtered.png' });
  await expect(page.getByRole('searchbox', { name: 'Search releases' })).toHaveValue('russia');
  await expect(page.locator('fieldset[data-facet="kind"] input[value="Press Release"]')).toBeChecked();
  await expect(page.locator('input[name="from"]')).toHaveValue('2022-08-01');
  await expect(page.getByLabel('Sort')).toHaveValue('oldest');
});

test('a garbage URL is explained, not a crash', async ({ page }) => {
  const errors = watchForErrors(page);
  const query = 'from=soon&to=2022-02-30&sort=%3Cscript%3E&page=-4&kind=&q=%E0%A4%&%ZZ=1&person=<img src=x onerror=alert(1)>';
  await page.goto(`/?${query}`);
  await expect(page.locator('.url-notices li')).toHaveCount(4);
  await expect(page.locator('.url-notices')).toContainText('“soon” is not a date');
  await expectCoreAnswer(page, query);
  await expect(page.locator('fieldset[data-facet="person"] input[value="<img src=x onerror=alert(1)>"]')).toBeChecked();
  await expect(page.locator('main img')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('downloads carry the filtered releases', async ({ page }) => {
  await page.goto('/?kind=Report&kind=Statement');
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-download="json"]').click(),
  ]);
  expect(json.suggestedFilename()).toBe('releases.json');
  const dataset = JSON.parse(await (await json.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  expect(dataset.pressline).toBe(1);
  expect(dataset.releases.map((r) => r.id)).toEqual(coreAnswer('kind=Report&kind=Statement').ids);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-download="csv"]').click(),
  ]);
  const text = Buffer.concat(await (await csv.createReadStream()).toArray()).toString('utf8');
  expect(text.split('\r\n')[0]).toBe('id,kind,date,title,summary,people,topics,places,photo_credit,url,lang');
  expect(text.split('\r\n')).toHaveLength(4);
});

test('the count is announced once the reader pauses typing, not at every keystroke', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.timeline__results')).toHaveAttribute('data-rendered-query', '');
  await page.evaluate(() => {
    window.__announced = [];
    const region = document.querySelector('[role=status][data-announced]');
    new MutationObserver(() => window.__announced.push(region.textContent.trim()))
      .observe(region, { childList: true, characterData: true, subtree: true });
  });
  await page.getByRole('searchbox', { name: 'Search releases' }).pressSequentially('belarus', { delay: 60 });
  const answer = coreAnswer('q=belarus');
  expect(answer.count).toBeLessThan(answer.total);
  const words = `${answer.count} of ${answer.total} releases`;
  await expect(page.locator('.result-count')).toHaveText(words);
  await expect(page.locator('[role=status][data-announced]')).toHaveText(words);
  // Seven keystrokes, seven different counts on screen; one announcement.
  const announced = await page.evaluate(() => [...new Set(window.__announced.filter(Boolean))]);
  expect(announced).toEqual([words]);
});

test('typing updates the results in place: the same answer as the core, the same nodes for releases that stay', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search releases' });
  // Each card's element, by release id, before a keystroke.
  const holdCards = () => page.evaluate(() => {
    window.__held = new Map([...document.querySelectorAll('article[data-release-id]')].map((a) => [a.dataset.releaseId, a]));
  });
  const keptAndReplaced = () => page.evaluate(() => {
    let kept = 0;
    let replaced = 0;
    for (const article of document.querySelectorAll('article[data-release-id]')) {
      const before = window.__held.get(article.dataset.releaseId);
      if (before === article) kept += 1;
      else if (before) replaced += 1;
    }
    return { kept, replaced };
  });
  let typed = '';
  let keptInAll = 0;
  for (const key of 'ukrai') {
    await holdCards();
    await box.press(key);
    typed += key;
    await expect(page).toHaveURL(new RegExp(`q=${typed}$`));
    const answer = await expectCoreAnswer(page);
    const { kept, replaced } = await keptAndReplaced();
    expect(replaced, `after "${typed}", a release that stayed got a new card`).toBe(0);
    keptInAll += kept;
    // Every card marks what the search matched, and only that.
    const marks = await page.locator('article[data-release-id] mark').allTextContents();
    expect(marks.length, `marks after "${typed}"`).toBeGreaterThanOrEqual(answer.count);
    for (const mark of marks) expect(mark.toLowerCase().startsWith(typed), `${mark} for "${typed}"`).toBe(true);
    // The cards' links carry the view, for the release page's way back.
    const hrefs = await page.locator('article[data-release-id] .release-card__title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const href of hrefs) expect(href).toContain(`q=${typed}`);
  }
  expect(keptInAll, 'some cards stayed across keystrokes').toBeGreaterThan(0);

  // A facet click keeps the cards of the releases that still match, too.
  await box.fill('');
  await expectCoreAnswer(page, '');
  await holdCards();
  const first = page.locator('fieldset[data-facet="kind"] input:not([disabled])').first();
  await first.check();
  await expectCoreAnswer(page);
  const afterClick = await keptAndReplaced();
  expect(afterClick.replaced).toBe(0);
  expect(afterClick.kept).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

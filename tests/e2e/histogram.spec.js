// The release-density histogram: its bars agree with the core, and a click, a mouse drag, a
// touch drag and the keyboard each set the date range in the address; reset clears it.
import { test, expect } from './fixtures.js';
import { watchForErrors } from './helpers.js';
import { coreAnswer } from './oracle.js';

const SHOTS = 'target/screenshots';

/** The bars' periods and totals as drawn (once the histogram's code has arrived and drawn them). */
async function bars(page) {
  await expect(page.locator('[data-histogram-table] tr[data-bucket]').first()).toBeAttached();
  return page.locator('[data-histogram-table] tr[data-bucket]').evaluateAll((groups) => groups.map((g) => ({
    from: g.dataset.from, to: g.dataset.to, total: Number(g.dataset.total),
  })));
}

/** The point over the middle of bar `i` (of `n`), in page coordinates. */
async function barPoint(page, i, n) {
  const box = await page.locator('.histogram__plot svg').boundingBox();
  return { x: box.x + ((i + 0.5) / n) * box.width, y: box.y + box.height / 2 };
}

function queryOf(page) {
  return new URL(page.url()).search.replace(/^\?/, '');
}

test('every bar counts what the core counts for its period, under the other filters', async ({ page }) => {
  const errors = watchForErrors(page);
  for (const filters of ['', 'kind=Press%20Release', 'q=russia&place=Ukraine']) {
    await page.goto(`/?${filters}`);
    await expect(page.locator('[data-histogram-table] tr[data-bucket]').first()).toBeAttached();
    const drawn = await bars(page);
    const everything = coreAnswer(filters);
    expect(drawn.reduce((sum, bar) => sum + bar.total, 0)).toBe(everything.count);
    for (const bar of drawn) {
      const period = coreAnswer(`${filters}${filters ? '&' : ''}from=${bar.from}&to=${bar.to}`);
      expect(bar.total, `${filters} ${bar.from}`).toBe(period.count);
    }
    // Contiguous periods, empty ones included.
    for (let i = 1; i < drawn.length; i += 1) {
      const next = new Date(`${drawn[i - 1].to}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(drawn[i].from).toBe(next.toISOString().slice(0, 10));
    }
  }
  await page.goto('/');
  // The drawn histogram, not the frame that holds its place while its code arrives.
  await expect(page.locator('.histogram__svg path').first()).toBeAttached();
  await page.locator('section.histogram:not([aria-busy])').screenshot({ path: `${SHOTS}/histogram.png` });
  expect(errors).toEqual([]);
});

test('a click filters to that period; a mouse drag brushes a range; reset clears it', async ({ page }) => {
  await page.goto('/?kind=Press%20Release');
  const drawn = await bars(page);
  const n = drawn.length;
  expect(n).toBeGreaterThan(3);

  const one = await barPoint(page, 1, n);
  await page.mouse.click(one.x, one.y);
  await expect(page).toHaveURL(new RegExp(`from=${drawn[1].from}&to=${drawn[1].to}`));
  const answer = coreAnswer(queryOf(page));
  await expect(page.locator('.timeline__results')).toHaveAttribute('data-rendered-query', answer.canonical);
  await expect(page.locator('input[name=from]')).toHaveValue(drawn[1].from);
  await expect(page.locator('input[name=to]')).toHaveValue(drawn[1].to);
  // The bars keep showing every period, with the chosen one marked.
  expect((await bars(page)).length).toBe(n);
  await expect(page.locator('.histogram__selection')).toBeVisible();

  const start = await barPoint(page, n - 1, n);
  const end = await barPoint(page, 2, n);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, end.y, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
  await expect(page).toHaveURL(new RegExp(`kind=Press%20Release&from=${drawn[2].from}&to=${drawn[n - 1].to}`));

  await page.getByRole('button', { name: 'Show all dates' }).click();
  await expect(page).toHaveURL(/\?kind=Press%20Release$/);
  await expect(page.locator('.histogram__selection')).toHaveCount(0);
});

test('a touch drag brushes a range', async ({ page }) => {
  await page.goto('/');
  const drawn = await bars(page);
  const n = drawn.length;
  const plot = page.locator('.histogram__plot');
  const a = await barPoint(page, 0, n);
  const b = await barPoint(page, 2, n);
  const touch = { pointerType: 'touch', pointerId: 7, isPrimary: true, bubbles: true };
  await plot.dispatchEvent('pointerdown', { ...touch, clientX: a.x, clientY: a.y });
  await plot.dispatchEvent('pointermove', { ...touch, clientX: (a.x + b.x) / 2, clientY: a.y });
  await plot.dispatchEvent('pointermove', { ...touch, clientX: b.x, clientY: b.y });
  await plot.dispatchEvent('pointerup', { ...touch, clientX: b.x, clientY: b.y });
  await expect(page).toHaveURL(new RegExp(`from=${drawn[0].from}&to=${drawn[2].to}$`));
});

test('the keyboard moves, extends, applies and clears; each period is named', async ({ page }) => {
  await page.goto('/');
  const drawn = await bars(page);
  const n = drawn.length;
  const plot = page.locator('.histogram__plot');
  await plot.focus();
  await page.keyboard.press('End');
  await expect(page.locator('.histogram__status')).toHaveText(/November 2022: \d+ releases?/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`from=${drawn[n - 4].from}&to=${drawn[n - 2].to}$`));
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/$/);
  // A hidden table gives screen readers every period and count.
  const rows = page.locator('[data-histogram-table] tbody tr');
  await expect(rows).toHaveCount(n);
  await expect(rows.first().locator('th')).toHaveText('June 2022');
});

test('the range round-trips through the address and the date inputs', async ({ page }) => {
  await page.goto('/?from=2022-07-01&to=2022-09-30');
  const drawn = await bars(page);
  const selection = page.locator('.histogram__selection');
  await expect(selection).toBeVisible();
  const first = drawn.findIndex((bar) => bar.from === '2022-07-01');
  const last = drawn.findIndex((bar) => bar.to === '2022-09-30');
  expect(Number(await selection.getAttribute('x'))).toBe(first * 10);
  expect(Number(await selection.getAttribute('width'))).toBe((last - first + 1) * 10);
  // The date inputs move the marked range too.
  await page.locator('input[name=from]').fill('2022-08-01');
  await page.locator('input[name=from]').dispatchEvent('change');
  await expect(page).toHaveURL(/from=2022-08-01&to=2022-09-30/);
  const august = drawn.findIndex((bar) => bar.from === '2022-08-01');
  await expect(selection).toHaveAttribute('x', String(august * 10));
  await expect(selection).toHaveAttribute('width', String((last - august + 1) * 10));
});

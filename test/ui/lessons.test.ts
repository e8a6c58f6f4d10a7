// A lesson in the lab, end to end in Chromium against the built site: the list, the open lesson
// with its formulas, a prediction, the run, and the check table showing the prediction beside
// the simulated value with its CI and theory: the same numbers `npm run lesson` prints.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fmt } from '../../src/lessons/checks.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { runLesson, type ScenarioSource } from '../../src/lessons/run.ts';
import { skipReason, useLab } from './harness.ts';

const reason = skipReason();
if (reason) console.log(reason);
const ARTIFACTS = new URL('./artifacts/', import.meta.url);
const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const fileSource: ScenarioSource = (path) => JSON.parse(read(path));

/** "3.762 ± 0.2157" -> [3.762, 0.2157] */
function plusMinus(text: string): [number, number] {
  const m = /^(-?[\d.e+-]+) ± ([\d.e+-]+)$/.exec(text.trim());
  if (!m) throw new Error(`not "mean ± half-width": ${JSON.stringify(text)}`);
  return [Number(m[1]), Number(m[2])];
}

describe.skipIf(reason !== null)('a lesson in the lab (Chromium)', () => {
  const lab = useLab();
  beforeAll(() => {
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  async function openLesson(page: Page, id: string): Promise<void> {
    await page.click('#lesson-menu summary');
    await page.click(`#lesson-menu button[data-lesson="${id}"]`);
    await page.waitForSelector('#lesson-panel:not([hidden]) #lesson-body:not([aria-busy]) .katex');
  }

  it('opens lesson 1, renders its formulas, keeps a prediction, runs, and shows the checks of the headless run', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && lab.errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => lab.errors.push(`page error: ${e.message}`));
    await page.goto(lab.site.url);
    await page.waitForSelector('#run');

    // The list: every lesson of the course.
    expect(await page.isHidden('#lesson-panel')).toBe(true);
    await page.click('#lesson-menu summary');
    const listed = await page.$$eval('#lesson-menu button[data-lesson]', (bs) => bs.map((b) => b.getAttribute('data-lesson')));
    expect(listed.length).toBe(readdirSync(new URL('lessons/', ROOT)).filter((f) => /^\d{2}-[a-z0-9-]+\.md$/.test(f)).length);
    expect(listed[0]).toBe('01-five-series');
    await page.click('#lesson-menu summary');

    // Open: title, text with KaTeX formulas (inline and display), its scenario on the panel.
    await openLesson(page, '01-five-series');
    expect(await page.textContent('#lesson-title')).toBe('Producers, queues, consumers — the five series');
    expect(await page.locator('#lesson-body .katex').count()).toBeGreaterThan(10);
    expect(await page.locator('#lesson-body .katex-display .katex-html').count()).toBe(1);
    expect(await page.locator('#lesson-body .katex-error').count()).toBe(0);
    expect(await page.locator('#lesson-body table td .katex').count()).toBe(5); // $P(t)$ ... in the table
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px KaTeX_Math');
    });
    expect(fontLoaded).toBe(true);
    expect(JSON.parse(await page.inputValue('#json'))).toEqual(JSON.parse(read('lessons/scenarios/01-five-series.json')));
    expect(await page.textContent('#lesson-scenario-status')).toContain('On the scenario panel: lessons/scenarios/01-five-series.json');
    expect(await page.textContent('#lesson-checks-status')).toContain('Press Run');
    await page.screenshot({ path: new URL('lesson-open.png', ARTIFACTS).pathname });

    // A prediction, then the run.
    const predict = 'input[data-predict="Mean wait in the queue (s)"]';
    await page.fill(predict, 'about 3 s');
    await page.fill('input[data-predict="Produced per second (the slope of P)"]', '0.8');
    await page.click('#run');
    await expect.poll(() => page.textContent('#lesson-checks-status')).toContain('Running');
    await page.waitForSelector('#check-table', { timeout: 90_000 });

    // The table: one row per check, the prediction beside the simulated value with its CI and
    // theory, and the numbers those of `npm run lesson -- 1` (same seed, same code, in Node).
    const parsed = parseLesson(read('lessons/01-five-series.md'), 'lessons/01-five-series.md');
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const headless = await runLesson(parsed.lesson, fileSource);
    const rows = await page.$$eval('#check-table tbody tr[data-check]', (trs) =>
      trs.map((tr) => ({
        label: tr.getAttribute('data-check'),
        prediction: tr.querySelector('.prediction')?.textContent,
        simulated: tr.querySelector('.simulated')?.textContent ?? '',
        theory: tr.querySelector('.theory')?.textContent ?? '',
        verdict: tr.querySelector('.verdict .badge')?.textContent,
      })),
    );
    expect(rows.map((r) => r.label)).toEqual(headless.outcomes.map((o) => o.label));
    headless.outcomes.forEach((o, i) => {
      const row = rows[i];
      const [mean, half] = plusMinus(row.simulated);
      // Printed to 4 digits; Chromium's and Node's Math may differ in the last bit of a CI.
      expect(mean, o.label).toBe(Number(fmt(o.simulated.mean)));
      expect(half, o.label).toBeCloseTo(Number(fmt((o.simulated.ci95![1] - o.simulated.ci95![0]) / 2)), 6);
      expect(row.theory.startsWith(fmt(o.theory)), `${o.label}: ${row.theory}`).toBe(true);
      expect(row.verdict, o.label).toBe(o.verdict);
    });
    const wait = rows.find((r) => r.label === 'Mean wait in the queue (s)')!;
    expect(wait.prediction).toBe('about 3 s');
    expect(wait.theory).toBe('4');
    expect(rows.find((r) => r.label === 'Produced per second (the slope of P)')!.prediction).toBe('0.8');
    expect(rows.find((r) => r.label === 'Mean of C - H, messages being handled')!.prediction).toBe('–'); // asks none
    expect(rows.find((r) => r.label === 'P - C is the queue Q, at every sample')!.theory).toMatch(/^[\d.]+ expected$/); // an identity
    await page.locator('#lesson-checks').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0)); // the panel stays scrolled to its checks
    await page.screenshot({ path: new URL('lesson-checks.png', ARTIFACTS).pathname });

    // The prediction survives a reload (localStorage, per lesson).
    await page.reload();
    await page.waitForSelector('#run');
    await openLesson(page, '01-five-series');
    expect(await page.inputValue(predict)).toBe('about 3 s');
    const stored = await page.evaluate(() => localStorage.getItem('queue-lab:lesson:01-five-series:predictions'));
    expect(JSON.parse(stored!)).toEqual({ 'Mean wait in the queue (s)': 'about 3 s', 'Produced per second (the slope of P)': '0.8' });

    // An edited scenario is not checked against the lesson, until the lesson's is loaded again.
    await page.fill('#f-seed', '7');
    await expect.poll(() => page.textContent('#lesson-scenario-status')).toContain('not checked against this lesson');
    await page.click('#lesson-reload');
    await expect.poll(() => page.textContent('#lesson-scenario-status')).toContain('On the scenario panel');
    expect(JSON.parse(await page.inputValue('#json')).seed).toBe(JSON.parse(read('lessons/scenarios/01-five-series.json')).seed);
    await context.close();
    expect(lab.errors).toEqual([]);
  });

  it('runs one value of a sweep lesson and says the whole sweep runs with npm run lesson', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => lab.errors.push(`page error: ${e.message}`));
    await page.goto(lab.site.url);
    await page.waitForSelector('#run');
    await openLesson(page, '03-hockey-stick');
    expect(await page.textContent('#lesson-sweep-note')).toContain('npm run lesson -- 03-hockey-stick');
    expect(await page.textContent('#lesson-sweep-note')).toContain('Its checks run here one value at a time');
    expect(await page.$$eval('#lesson-point option', (os) => os.length)).toBe(7);
    await page.screenshot({ path: new URL('lesson-sweep-open.png', ARTIFACTS).pathname });
    await page.selectOption('#lesson-point', { label: 'producers[0].interarrival.rate = 0.4' });
    await expect.poll(async () => JSON.parse(await page.inputValue('#json')).producers[0].interarrival.rate).toBe(0.4);
    expect(await page.textContent('#lesson-scenario-status')).toContain('rate = 0.4');
    await page.click('#run');
    await page.waitForSelector('#check-table', { timeout: 90_000 });
    const heading = await page.textContent('#check-table tr.group th');
    expect(heading).toBe('at producers[0].interarrival.rate = 0.4');
    const rows = await page.$$eval('#check-table tbody tr[data-check]', (trs) => trs.map((tr) => [tr.getAttribute('data-check'), tr.querySelector('.theory')?.textContent, tr.querySelector('.badge')?.textContent]));
    expect(rows).toEqual([
      ['utilisation ρ = λ / μ', '0.4', 'pass'],
      ['mean wait Wq (s)', fmt(0.4 / (1 - 0.4)), 'pass'],
    ]);
    expect(await page.textContent('#lesson-checks-status')).toContain('Not run yet: producers[0].interarrival.rate = 0.2, 0.6, 0.7, 0.8, 0.9, 0.95.');
    await page.locator('#lesson-checks').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: new URL('lesson-sweep-point.png', ARTIFACTS).pathname });

    // The whole sweep's curve: the Sweep card, set up with the lesson's parameter, values and metric.
    await page.click('#lesson-sweep-note button[data-sweep="main"]');
    await expect.poll(() => page.inputValue('#sweep-param')).toBe('producers[0].interarrival.rate');
    expect(await page.inputValue('#sweep-values')).toBe('0.2,0.4,0.6,0.7,0.8,0.9,0.95');
    expect(await page.inputValue('#sweep-replications')).toBe('10');
    expect(await page.inputValue('#sweep-metric')).toBe('summary.queues.q.meanWait');
    await expect.poll(() => page.isDisabled('#sweep-run')).toBe(false);

    // Closing the lesson gives the plots their width back.
    await page.click('#lesson-close');
    expect(await page.isHidden('#lesson-panel')).toBe(true);
    await context.close();
    expect(lab.errors).toEqual([]);
  });
});

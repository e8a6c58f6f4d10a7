// Issue 8's figures in the lab, in Chromium at 1280x800: an autoscaled group's count N(t) drawn
// beside the backlog with its cost in the summary (equal to the core's run of the same file), a
// backlog's drain time marked by theory and simulated, and a retry storm's goodput and retry
// counts; a plain scenario keeps its page (no Consumers card, no request rows).
import { mkdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runExperiment } from '../../src/models/experiment.ts';
import { parseScenario } from '../../src/sim/scenario/parse.ts';
import type { MeanCI } from '../../src/sim/stats/meanCI.ts';
import { num } from '../../src/ui/views/common.ts';
import { openPage, skipReason, useLab } from './harness.ts';

const reason = skipReason();
if (reason) console.log(reason);
const ARTIFACTS = new URL('./artifacts/', import.meta.url);

/** A MeanCI as the summary table prints it. */
const cell = (m: MeanCI) => `${num(m.mean!)} ± ${num((m.ci95![1] - m.ci95![0]) / 2)}`;

describe.skipIf(reason !== null)('capacity figures in Chromium: autoscaling, drain time, retries', () => {
  const lab = useLab();
  beforeAll(() => {
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  async function open(preset: string): Promise<Page> {
    const page = await openPage(lab.browser, lab.site.url, lab.errors);
    await page.waitForSelector('#run');
    await page.selectOption('#preset', preset);
    return page;
  }

  async function runToEnd(page: Page): Promise<void> {
    await expect.poll(() => page.isDisabled('#run')).toBe(false);
    await page.click('#run');
    await expect.poll(() => page.textContent('#run-status'), { timeout: 180_000 }).toMatch(/^Finished/);
    await page.waitForSelector('#summary-table');
  }

  const row = (page: Page, group: string, metric: string) => page.textContent(`tr[data-metric="${group}|${metric}"] td.num`);

  it('autoscale-flapping.json: the count line beside the backlog, its cost in the summary as the core computes it', async () => {
    const page = await open('autoscale-flapping.json');
    await expect.poll(() => page.isVisible('#plot-consumers')).toBe(true);
    await runToEnd(page);
    const scenario = parseScenario(JSON.parse(await page.inputValue('#json')));
    const core = runExperiment(scenario).summary.consumers.workers;

    // The mean count N(t) is a step line with many steps (the policy flaps), beside the backlog.
    const d = await page.getAttribute('#plot-consumers path[data-series="N workers mean"]', 'd');
    expect((d ?? '').split(/[LMH V]/).length).toBeGreaterThan(100);
    expect(await page.$$eval('#plot-consumers [data-series^="mean count"]', (e) => e.length)).toBe(1);
    const backlog = (await page.locator('#plot-backlog').boundingBox())!;
    const consumers = (await page.locator('#plot-consumers').boundingBox())!;
    expect(consumers.y).toBe(backlog.y); // beside it, in the same row
    expect(consumers.width).toBe(backlog.width); // the same time axis

    const group = 'consumer workers (2 × from q)';
    expect(await row(page, group, 'consumer-seconds (cost)')).toBe(cell(core.consumerSeconds));
    expect(await row(page, group, 'mean count')).toBe(cell(core.meanCount));
    expect(await row(page, group, 'scale changes')).toBe(cell(core.scaleChanges));
    expect(await row(page, group, 'reversals (flapping)')).toBe(cell(core.reversals));
    console.log(`flapping in the page: consumer-seconds ${cell(core.consumerSeconds)}, mean count ${cell(core.meanCount)}, reversals ${cell(core.reversals)}`);

    await page.locator('#plot-backlog').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -40));
    await page.screenshot({ path: new URL('capacity-autoscale.png', ARTIFACTS).pathname });
    // Zooming the backlog zooms the count with it (the shared time axis).
    const box = (await page.locator('#plot-backlog svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.textContent('#zoom-note')).toMatch(/showing t = /);
    // The x axis is the frame's group translated to the bottom: both plots show the same ticks.
    const ticks = (sel: string) => page.$$eval(`${sel} svg > g[transform^="translate(0,"] .tick text`, (ts) => ts.map((t) => t.textContent).join(' '));
    const zoomed = await ticks('#plot-backlog');
    expect(zoomed).not.toMatch(/^0 /);
    await expect.poll(() => ticks('#plot-consumers')).toBe(zoomed);
    await page.locator('#summary-card').scrollIntoViewIfNeeded();
    await page.locator(`tr[data-metric="${group}|consumer-seconds (cost)"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('capacity-autoscale-summary.png', ARTIFACTS).pathname });
    await page.context().close();
  });

  it('drain.json: the drain time by theory and simulated marked on the backlog, beside the fitted time constants', async () => {
    const page = await open('drain.json');
    expect(await page.isVisible('#plot-consumers')).toBe(false);
    await runToEnd(page);
    const theory = await page.$$eval('#plot-backlog [data-series^="drain theory"]', (e) => e.map((x) => x.getAttribute('data-series')));
    expect(theory).toEqual(['drain theory 2395 s']);
    const sim = await page.$$eval('#plot-backlog [data-series^="drain simulated"]', (e) => e.map((x) => x.getAttribute('data-series')));
    expect(sim).toHaveLength(1);
    const group = 'queue q · M/M/c';
    expect(await page.textContent(`tr[data-metric="${group}|drain time, until nothing waits"] td:nth-child(3)`)).toBe('2395');
    expect(await page.textContent(`tr[data-metric="${group}|drain time, fluid B / (cμ − λ)"] td:nth-child(3)`)).toBe('2400');
    const simDrain = await row(page, group, 'drain time, until nothing waits');
    expect(sim[0]).toBe(`drain simulated ${simDrain!.split(' ± ')[0]} s`);
    expect(await page.$$eval(`tr[data-metric^="${group}|Q(t) fitted time constant"]`, (e) => e.length)).toBeGreaterThan(0);
    console.log(`drain in the page: simulated ${simDrain} s, theory 2395 s (exact), 2400 s (fluid)`);
    await page.locator('#plot-backlog').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -40));
    await page.screenshot({ path: new URL('capacity-drain.png', ARTIFACTS).pathname });
    await page.context().close();
  });

  it('metastable-retries.json: goodput beside throughput, retry counts and the slowdown window; mm1.json has none of it', async () => {
    const page = await open('metastable-retries.json');
    expect(await page.isVisible('#plot-consumers')).toBe(false);
    await runToEnd(page);
    const group = 'requests · clients with a timeout';
    const goodput = Number((await row(page, group, 'goodput, answers in time'))!.split(' ± ')[0]);
    const throughput = Number((await row(page, group, 'throughput, all answers'))!.split(' ± ')[0]);
    expect(goodput).toBeLessThan(throughput / 2); // the storm: most of the work is wasted
    const retries = Number((await row(page, group, 'retries sent'))!.replace(/,/g, ''));
    const wasted = Number((await row(page, group, 'wasted: answered after the client gave up'))!.replace(/,/g, ''));
    expect(retries).toBeGreaterThan(0);
    expect(wasted).toBeGreaterThan(0);
    expect(await page.$$eval('#plot-backlog [data-series="server ×4 slower"]', (e) => e.length)).toBe(1);
    console.log(`retry storm in the page: goodput ${goodput}/s, throughput ${throughput}/s, retries ${retries}, wasted ${wasted}`);
    await page.locator(`tr[data-metric="${group}|goodput, answers in time"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('capacity-retries.png', ARTIFACTS).pathname });

    await page.selectOption('#preset', 'mm1.json');
    await expect.poll(() => page.isVisible('#plot-consumers')).toBe(false);
    await runToEnd(page);
    expect(await page.$$eval('tr[data-metric^="requests"], tr[data-metric*="consumer-seconds"], tr[data-metric*="drain"]', (e) => e.length)).toBe(0);
    await page.context().close();
    expect(lab.errors).toEqual([]);
  });
});

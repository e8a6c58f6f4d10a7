// The lab's Sweep card in Chromium: an M/M/1 arrival-rate sweep drawn with CI bars and the theory
// curve, whose exported JSON and CSV are what `npm run sweep` writes for the same arguments, byte
// for byte; bad inputs named at their field with Run sweep disabled; Cancel.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli } from '../helpers/runCli.ts';
import { openPage, skipReason, useLab } from './harness.ts';

const reason = skipReason();
if (reason) console.log(reason);
const ARTIFACTS = new URL('./artifacts/', import.meta.url);
const RATE = 'producers[0].interarrival.rate';

function firstDifference(a: string, b: string): string {
  if (a === b) return 'identical';
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `differ at ${i}: page ${JSON.stringify(a.slice(i, i + 80))} vs CLI ${JSON.stringify(b.slice(i, i + 80))}`;
}

describe.skipIf(reason !== null)('the Sweep card in Chromium', () => {
  const lab = useLab();
  beforeAll(() => {
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  async function open(): Promise<Page> {
    const page = await openPage(lab.browser, lab.site.url, lab.errors, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.waitForSelector('#sweep-run');
    await page.selectOption('#preset', 'mm1.json');
    return page;
  }

  async function downloadText(page: Page, button: string): Promise<string> {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return readFileSync((await dl.path())!, 'utf8');
  }

  it('sweeps the M/M/1 arrival rate: one point per value with its CI bar, the theory curve, and the CLI’s JSON and CSV', async () => {
    const page = await open();
    await page.fill('#f-horizon', '2000');
    await page.selectOption('#sweep-param-pick', RATE);
    expect(await page.inputValue('#sweep-param')).toBe(RATE);
    await page.fill('#sweep-values', '0.3:0.9:0.2');
    await page.fill('#sweep-replications', '3');
    await page.selectOption('#sweep-metric', 'summary.queues.q.meanWait');
    await expect.poll(() => page.isDisabled('#sweep-run')).toBe(false);
    const t0 = Date.now();
    await page.click('#sweep-run');
    await expect.poll(() => page.textContent('#sweep-status'), { timeout: 120_000 }).toMatch(/^Finished/);
    const status = await page.textContent('#sweep-status');
    console.log(`sweep in the page: ${Date.now() - t0} ms (${status})`);
    expect(status).toMatch(/4 points × 3 replications, [\d.]+K? messages, [\d.]+[KM]? messages\/s/);

    const points = await page.$$eval('#plot-sweep circle.point', (cs) => cs.map((c) => Number(c.getAttribute('data-x'))));
    expect(points).toEqual([0.3, 0.5, 0.7, 0.9]);
    expect(await page.$$eval('#plot-sweep line.ci-bar', (ls) => ls.length)).toBe(4);
    const theory = await page.$$eval('#plot-sweep path[data-series="theory"]', (ps) => ps.map((p) => (p.getAttribute('d') ?? '').split(/[LM]/).length - 1));
    expect(theory).toHaveLength(1);
    expect(theory[0]).toBeGreaterThan(50); // a curve through ~100 values, not 4 segments
    expect(await page.textContent('#plot-sweep svg')).toContain('theory (M/M/1)');
    expect(await page.textContent('#plot-sweep svg')).toContain('producers[0].interarrival.rate (1/s)');
    expect(await page.textContent('#plot-sweep svg')).toContain('summary.queues.q.meanWait (s)');

    await page.locator('#plot-sweep').scrollIntoViewIfNeeded();
    const box = (await page.locator('#plot-sweep svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5);
    await expect.poll(() => page.locator('#plot-sweep .tooltip').textContent()).toContain('simulated mean');
    await page.locator('#sweep-card').screenshot({ path: new URL('sweep-mm1.png', ARTIFACTS).pathname });

    // The same sweep by the CLI, from the scenario as the page holds it.
    const tmp = mkdtempSync(join(tmpdir(), 'queue-lab-lab-sweep-'));
    try {
      const file = join(tmp, 'scenario.json');
      writeFileSync(file, await page.inputValue('#json'));
      const out = join(tmp, 'S.json');
      const csvOut = join(tmp, 'S.csv');
      const r = runCli('src/cli/sweep.ts', [file, '--param', RATE, '--values', '0.3:0.9:0.2', '--replications', '3', '--out', out, '--csv', csvOut, '--quiet', '--workers', '1']);
      expect(r.status, r.stderr).toBe(0);
      const json = await downloadText(page, '#sweep-export-json');
      const cliJson = readFileSync(out, 'utf8');
      expect(json === cliJson, firstDifference(json, cliJson)).toBe(true);
      const csv = await downloadText(page, '#sweep-export-csv');
      const cliCsv = readFileSync(csvOut, 'utf8');
      expect(csv === cliCsv, firstDifference(csv, cliCsv)).toBe(true);
      // The points drawn are the file's means.
      const means = (JSON.parse(json) as { points: { summary: { queues: { q: { meanWait: { mean: number } } } } }[] }).points.map((p) => p.summary.queues.q.meanWait.mean);
      const drawn = await page.$$eval('#plot-sweep circle.point', (cs) => cs.map((c) => Number(c.getAttribute('data-y'))));
      expect(drawn).toEqual(means);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    expect(await page.textContent('#sweep-command')).toContain("--param 'producers[0].interarrival.rate' --values 0.3:0.9:0.2 --replications 3");

    const svg = await downloadText(page, '[data-export="sweep-svg"]');
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>$/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="sweep-png"]')]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');

    // Another metric redraws from the same result, without running again.
    await page.selectOption('#sweep-metric', 'summary.consumers.workers.utilization');
    await expect.poll(() => page.textContent('#plot-sweep svg')).toContain('summary.consumers.workers.utilization (fraction)');
    expect(await page.$$eval('#plot-sweep circle.point', (cs) => cs.length)).toBe(4);
    await page.context().close();
    expect(lab.errors).toEqual([]);
  });

  it('names a bad values string, a bad path and bad replications at their fields and disables Run sweep; Cancel stops a sweep', async () => {
    const page = await open();
    await expect.poll(() => page.isDisabled('#sweep-run')).toBe(false);
    const cases: [string, string, string, RegExp][] = [
      ['#sweep-values', '0.3:0.9:0', 'sweep-values', /STEP of A:B:STEP must not be 0/],
      ['#sweep-values', '0.3:abc:0.1', 'sweep-values', /B of A:B:STEP must be a number \(got "abc"\)/],
      ['#sweep-values', 'fifo,lifo', 'sweep-values', /must be numbers.*"fifo", "lifo"/],
      ['#sweep-values', '0.5,-1', 'general', /at producers\[0\]\.interarrival\.rate = -1: .*rate/],
    ];
    for (const [input, text, field, message] of cases) {
      await page.fill(input, text);
      const where = field === 'general' ? '#sweep-problems' : `[data-error-for="${field}"]`;
      await expect.poll(() => page.textContent(where), { message: text }).toMatch(message);
      expect(await page.isDisabled('#sweep-run'), text).toBe(true);
    }
    expect(await page.getAttribute('#sweep-values', 'aria-invalid')).toBe('false'); // the last problem is a point's, listed below
    await page.fill('#sweep-values', '0.3:0.9:0');
    await expect.poll(() => page.getAttribute('#sweep-values', 'aria-invalid')).toBe('true');
    await page.locator('#sweep-card').screenshot({ path: new URL('sweep-invalid.png', ARTIFACTS).pathname });
    await page.fill('#sweep-values', '0.3:0.9:0.1');
    await page.fill('#sweep-param', 'producers[0].interarrival.');
    await expect.poll(() => page.textContent('[data-error-for="sweep-param"]')).toMatch(/cannot read "\."/);
    expect(await page.isDisabled('#sweep-run')).toBe(true);
    await page.fill('#sweep-param', RATE);
    await page.fill('#sweep-replications', '1');
    await expect.poll(() => page.textContent('[data-error-for="sweep-replications"]')).toMatch(/from 2 to 1000/);
    expect(await page.isDisabled('#sweep-run')).toBe(true);
    await page.fill('#sweep-replications', '5');
    await expect.poll(() => page.isDisabled('#sweep-run')).toBe(false);
    expect(await page.textContent('#sweep-card .field-error')).toBe('');

    // A long sweep (7 points x 5 replications x 10^5 s), cancelled once it reports progress.
    await page.click('#sweep-run');
    await expect.poll(() => page.textContent('#sweep-status'), { timeout: 30_000 }).toMatch(/^Running: \d+\/35 replications, [\d.]+[KM]? messages, [\d.]+[KM]? messages\/s\.$/);
    await expect.poll(() => page.$eval('#sweep-progress', (p) => (p as HTMLProgressElement).value)).toBeGreaterThan(0);
    expect(await page.isDisabled('#sweep-run')).toBe(true);
    const jobWorkers = () => page.workers().filter((w) => /jobWorker/.test(w.url())).length;
    console.log(`sweep workers while running: ${page.workers().map((w) => w.url().replace(/^.*\//, '')).join(', ')}`);
    await page.click('#sweep-cancel');
    expect(await page.textContent('#sweep-status')).toBe('Cancelled.');
    await expect.poll(jobWorkers).toBe(0); // the job workers went with the sweep worker
    expect(await page.isDisabled('#sweep-run')).toBe(false);
    expect(await page.isDisabled('#sweep-cancel')).toBe(true);
    await page.context().close();
    expect(lab.errors).toEqual([]);
  });
});

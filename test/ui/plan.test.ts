// The lab's Plan card in Chromium: the smallest M/M/3-scenario consumer count with mean wait
// under a target (parameter from the picker, metric, < and threshold), found in a worker with
// every tried value shown, and its JSON what `npm run plan --json` prints for the same scenario
// and goal, byte for byte.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';
import { openPage, skipReason, useLab } from './harness.ts';

const reason = skipReason();
if (reason) console.log(reason);

describe.skipIf(reason !== null)('the Plan card in Chromium', () => {
  const lab = useLab();

  it('finds the consumer count, shows the evidence, and exports the CLI’s JSON', async () => {
    const page = await openPage(lab.browser, lab.site.url, lab.errors, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.waitForSelector('#plan-run');
    await page.selectOption('#preset', 'mmc.json');
    await page.fill('#f-horizon', '5000');
    await page.selectOption('#plan-vary-pick', 'consumers[0].count');
    expect(await page.inputValue('#plan-vary')).toBe('consumers[0].count');
    await page.fill('#plan-metric', 'summary.queues.q.meanWait');
    await page.selectOption('#plan-op', '<');
    await page.fill('#plan-threshold', '0.5');
    // Bad inputs show at their field, live, and Find the value waits until they are fixed.
    await page.fill('#plan-threshold', 'abc');
    await expect.poll(() => page.textContent('[data-error-for="plan-target"]')).toContain('threshold: a number (got "abc")');
    expect(await page.isDisabled('#plan-run')).toBe(true);
    expect(await page.getAttribute('#plan-threshold', 'aria-invalid')).toBe('true');
    await page.fill('#plan-replications', '1');
    await expect.poll(() => page.textContent('[data-error-for="plan-replications"]')).toContain('a whole number >= 2');
    await page.fill('#plan-threshold', '0.5');
    await page.fill('#plan-replications', '3');
    await expect.poll(() => page.isDisabled('#plan-run')).toBe(false);
    expect(await page.isHidden('[data-error-for="plan-target"]')).toBe(true);
    // The progress bar's values as they are set (value reflects to its attribute).
    await page.evaluate(() => {
      const bar = document.querySelector('#plan-progress')!;
      const seen: string[] = ((window as unknown as { planProgress: string[] }).planProgress = []);
      new MutationObserver(() => seen.push(bar.getAttribute('value') ?? '')).observe(bar, { attributes: true, attributeFilter: ['value'] });
    });
    await page.click('#plan-run');
    await expect.poll(() => page.textContent('#plan-status'), { timeout: 120_000 }).toMatch(/^Finished/);
    expect(await page.textContent('#plan-answer')).toBe("Answer: consumers[0].count = 4. Theory's answer: 4.");
    expect(await page.$eval('#plan-progress', (p) => (p as HTMLProgressElement).value)).toBe(1);
    const seen = (await page.evaluate(() => (window as unknown as { planProgress: string[] }).planProgress)).map(Number);
    expect(seen.some((v) => v > 0 && v < 1), `progress values seen: ${seen.join(', ')}`).toBe(true);
    await page.locator('#plan-card').screenshot({ path: new URL('./artifacts/plan-mmc.png', import.meta.url).pathname });
    const rows = await page.$$eval('#plan-tried tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-value'), tr.lastElementChild?.textContent]));
    expect(rows).toEqual([['3', '✗ no'], ['4', '✓ yes']]);

    const tmp = mkdtempSync(join(tmpdir(), 'queue-lab-lab-plan-'));
    try {
      const file = join(tmp, 'scenario.json');
      writeFileSync(file, await page.inputValue('#json'));
      const r = runCli('src/cli/plan.ts', [file, '--vary', 'consumers[0].count', '--target', 'summary.queues.q.meanWait < 0.5', '--replications', '3', '--json', '--quiet', '--workers', '1']);
      expect(r.status, r.stderr).toBe(0);
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#plan-export-json')]);
      expect(readFileSync((await dl.path())!, 'utf8')).toBe(r.stdout);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    expect(await page.textContent('#plan-command')).toBe("npm run -s plan -- scenario.json --vary 'consumers[0].count' --target 'summary.queues.q.meanWait < 0.5' --replications 3 --json");
    await page.context().close();
    expect(lab.errors).toEqual([]);
  });

  it('seeks a continuous parameter against a `>` target within a range, with the CLI’s answer', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => lab.errors.push(`page error: ${e.message}`));
    await page.goto(lab.site.url);
    await page.waitForSelector('#plan-run');
    await page.selectOption('#preset', 'mmc.json');
    await page.fill('#f-horizon', '5000');
    await page.selectOption('#plan-vary-pick', 'producers[0].interarrival.rate');
    await page.fill('#plan-metric', 'summary.consumers.pool.utilization');
    await page.selectOption('#plan-op', '>');
    await page.fill('#plan-threshold', '0.7');
    await page.fill('#plan-min', '1');
    await page.fill('#plan-max', '2.9');
    await page.fill('#plan-replications', '3');
    await expect.poll(() => page.isDisabled('#plan-run')).toBe(false);
    await page.click('#plan-run');
    await expect.poll(() => page.textContent('#plan-status'), { timeout: 120_000 }).toMatch(/^(Finished|Error)/);
    expect(await page.textContent('#plan-problems')).toBe('');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#plan-export-json')]);
    const json = readFileSync((await dl.path())!, 'utf8');
    const tmp = mkdtempSync(join(tmpdir(), 'queue-lab-lab-plan-'));
    try {
      const file = join(tmp, 'scenario.json');
      writeFileSync(file, await page.inputValue('#json'));
      const target = 'summary.consumers.pool.utilization > 0.7';
      const r = runCli('src/cli/plan.ts', [file, '--vary', 'producers[0].interarrival.rate', '--target', target, '--min', '1', '--max', '2.9', '--replications', '3', '--json', '--quiet', '--workers', '1']);
      expect(r.status, r.stderr).toBe(0);
      const cli = JSON.parse(r.stdout) as { value: number | null };
      // Utilisation is lambda / (c mu): the least rate above 0.7 x 3 = 2.1 with 95% confidence.
      expect(cli.value).toBeGreaterThan(2.1);
      expect(cli.value).toBeLessThan(2.1 * 1.05);
      expect((JSON.parse(json) as { value: number | null }).value).toBe(cli.value);
      expect(json).toBe(r.stdout);
      console.log(`plan in the page: ${await page.textContent('#plan-answer')} (${await page.textContent('#plan-status')})`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    expect(await page.textContent('#plan-command')).toBe(
      "npm run -s plan -- scenario.json --vary 'producers[0].interarrival.rate' --target 'summary.consumers.pool.utilization > 0.7' --min 1 --max 2.9 --replications 3 --json",
    );
    await context.close();
    expect(lab.errors).toEqual([]);
  });
});

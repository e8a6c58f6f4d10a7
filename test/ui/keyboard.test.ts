// The lab without a mouse: every control has an accessible name, and the run controls work from
// the keyboard (Enter and Space on focused buttons, the speed select by arrow keys).
import { describe, expect, it } from 'vitest';
import { skipReason, useLab } from './harness.ts';

const reason = skipReason();
if (reason) console.log(reason);

describe.skipIf(reason !== null)('the lab from the keyboard', () => {
  const lab = useLab();

  it('names every control (label, aria-label or text) and runs, pauses, steps and resets by keys', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => lab.errors.push(e.message));
    await page.goto(lab.site.url);
    await page.waitForSelector('#run');
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea, button'))
        .filter((c) => {
          const e = c as HTMLElement;
          if (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')) return false;
          if (e.id && document.querySelector(`label[for="${e.id}"]`)) return false;
          if (e.closest('label')) return false;
          return !(e.tagName === 'BUTTON' && e.textContent?.trim());
        })
        .map((c) => c.id || c.outerHTML.slice(0, 60)),
    );
    expect(unnamed).toEqual([]);

    await page.selectOption('#preset', 'tandem.json');
    await page.focus('#speed');
    await page.keyboard.press('Home'); // 10 simulated s per s: slow enough to pause mid-run
    expect(await page.inputValue('#speed')).toBe('10');
    await page.focus('#run');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#run-status')).toContain('Running');
    await page.focus('#pause');
    await page.keyboard.press('Space');
    await expect.poll(() => page.textContent('#run-status')).toContain('Paused');
    const paused = await page.textContent('#run-status');
    await page.focus('#step');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#run-status')).not.toBe(paused);
    await page.focus('#reset');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#run-status')).toBe('Ready.');
    expect(lab.errors).toEqual([]);
    await context.close();
  });
});

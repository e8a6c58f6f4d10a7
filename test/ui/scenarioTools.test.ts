// The lab's pure helpers: share links, JSON paths, JSON errors, decimation, the latency CDF.
import { describe, expect, it } from 'vitest';
import { LogHistogram } from '../../src/sim/stats/logHistogram.ts';
import { minMaxIndices, visibleRange } from '../../src/ui/plots/downsample.ts';
import { parseJsonText } from '../../src/ui/scenario/jsonText.ts';
import { getAt, parsePath, pathWithin, setAt } from '../../src/ui/scenario/paths.ts';
import { decodeShare, encodeShare } from '../../src/ui/scenario/share.ts';
import { latencyCdf } from '../../src/ui/worker/latencyCdf.ts';

describe('share links', () => {
  it('decodeShare(encodeShare(text)) gives the same JSON back, unicode included', () => {
    const text = JSON.stringify({ name: 'Größe → ∞ 🚀', horizon: 10 }, null, 2);
    const back = decodeShare(encodeShare(text));
    expect(back.kind).toBe('ok');
    expect(JSON.parse((back as { text: string }).text)).toEqual(JSON.parse(text));
  });

  it('decodeShare reports a damaged link instead of throwing', () => {
    expect(decodeShare('#scenario=%%%!!').kind).toBe('error');
    expect(decodeShare(`#scenario=${Buffer.from('{"name": ').toString('base64url')}`).kind).toBe('error');
    expect(decodeShare(`#scenario=${Buffer.from([0xff, 0xfe, 0x00]).toString('base64url')}`).kind).toBe('error');
    expect(decodeShare('#scenario=' + 'A'.repeat(400_000)).kind).toBe('error');
    expect(decodeShare('').kind).toBe('none');
  });
});

describe('paths', () => {
  it('parsePath reads the core problem paths, quoted keys included', () => {
    expect(parsePath('producers[0].interarrival.rate')).toEqual(['producers', 0, 'interarrival', 'rate']);
    expect(parsePath('queues[1]["my key"]')).toEqual(['queues', 1, 'my key']);
  });

  it('setAt copies, creates missing objects, deletes with undefined, and refuses scalars', () => {
    const doc = { a: [{ b: 1 }] };
    const next = setAt(doc, ['a', 0, 'c', 'd'], 2);
    expect(next).toEqual({ a: [{ b: 1, c: { d: 2 } }] });
    expect(doc).toEqual({ a: [{ b: 1 }] });
    expect(setAt(doc, ['a', 0, 'b'], undefined)).toEqual({ a: [{}] });
    expect(setAt({ a: 5 }, ['a', 'b'], 1)).toBeNull();
    expect(getAt(next, ['a', 0, 'c', 'd'])).toBe(2);
  });

  it('pathWithin matches a field and what is inside it, not its siblings', () => {
    expect(pathWithin('consumers[0].service.rate', 'consumers[0].service')).toBe(true);
    expect(pathWithin('consumers[0].serviceX', 'consumers[0].service')).toBe(false);
  });
});

describe('parseJsonText', () => {
  it('says that the JSON breaks, and where when the engine gives the position', () => {
    const r = parseJsonText('{\n  "a": 1,\n  "b": }');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^not valid JSON/);
    if (r.line !== null) expect(r.line).toBe(3);
    const missing = parseJsonText('{\n  "a" 1\n}');
    expect(missing.ok === false && missing.message).toMatch(/not valid JSON/);
  });
});

describe('minMaxIndices', () => {
  it('keeps every bucket extreme, in time order, and everything when there are few points', () => {
    const n = 10_000;
    const t = Array.from({ length: n }, (_, i) => i);
    const y = t.map((i) => Math.sin(i / 50) + (i === 7777 ? 10 : 0) - (i === 1234 ? 10 : 0));
    const idx = minMaxIndices(t, y, 0, n, 100);
    expect(idx.length).toBeLessThanOrEqual(400);
    expect(idx).toContain(7777);
    expect(idx).toContain(1234);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(minMaxIndices(t, y, 10, 50, 100)).toHaveLength(40);
    expect(visibleRange(t, n, 100, 200)).toEqual([99, 202]);
  });
});

describe('latencyCdf', () => {
  it('rises to 1 at the maximum, through the histogram quantiles', () => {
    const h = new LogHistogram();
    for (let i = 1; i <= 1000; i++) h.add(i / 100);
    const cdf = latencyCdf(h)!;
    expect(cdf.p[cdf.p.length - 1]).toBe(1);
    expect(cdf.x[cdf.x.length - 1]).toBe(10);
    const at = (q: number) => cdf.x[cdf.p.findIndex((p) => p >= q)];
    expect(Math.abs(at(0.5) / h.quantile(0.5) - 1)).toBeLessThan(0.011);
    expect(latencyCdf(new LogHistogram())).toBeNull();
  });
});

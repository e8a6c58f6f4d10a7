// The course as the lab bundles it: every lesson file parses, every point the lab can load checks
// to the scenario the headless run uses, and every lesson's text renders with no TeX error.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/sim/scenario/parse.ts';
import { course, labPoints, scenarioSource, scenarioText } from '../../../src/ui/lessons/course.ts';
import { renderLessonMarkdown } from '../../../src/ui/lessons/markdown.ts';

const LESSONS = new URL('../../../lessons/', import.meta.url);
const onDisk = readdirSync(LESSONS).filter((f) => /^\d{2}-[a-z0-9-]+\.md$/.test(f)).sort();

describe('course (the lessons bundled into the lab)', () => {
  it('holds every lessons/NN-name.md, as its file text, parsed', () => {
    expect(course.map((e) => e.path)).toEqual(onDisk.map((f) => `lessons/${f}`));
    for (const e of course) {
      expect(e.ok, e.ok ? e.path : e.problems.join('\n')).toBe(true);
      expect(e.text).toBe(readFileSync(new URL(e.path.slice('lessons/'.length), LESSONS), 'utf8'));
    }
  });

  it('bundles every scenario file a lesson names', () => {
    for (const e of course) {
      if (!e.ok) continue;
      for (const s of e.lesson.scenarios) {
        expect(scenarioText(s.path), s.path).toBe(readFileSync(new URL(`../../../${s.path}`, import.meta.url), 'utf8'));
        expect(scenarioSource(s.path)).toEqual(JSON.parse(scenarioText(s.path)!));
      }
    }
    expect(scenarioText('lessons/scenarios/nope.json')).toBeUndefined();
  });

  it('labPoints(lesson): one point per scenario and value, whose text checks to that point', () => {
    const counts: Record<string, number> = {};
    for (const e of course) {
      if (!e.ok) continue;
      const planned = labPoints(e.lesson);
      if (!planned.ok) throw new Error(planned.problems.join('\n'));
      counts[e.lesson.id] = planned.points.length;
      expect(new Set(planned.points.map((p) => p.key)).size).toBe(planned.points.length);
      for (const p of planned.points) {
        const checked = checkScenario(JSON.parse(p.text));
        expect(checked.ok).toBe(true);
        if (checked.ok) expect(JSON.stringify(checked.scenario)).toBe(p.identity);
      }
    }
    // The sweeps (3, 6, 14) run one value at a time; 8 and 10 have two scenarios each.
    expect(counts['03-hockey-stick']).toBe(7);
    expect(counts['06-load-balancing']).toBe(4);
    expect(counts['14-request-reply']).toBe(3);
    expect(counts['08-priorities']).toBe(2);
    expect(counts['10-visibility-timeout']).toBe(2);
    expect(counts['01-five-series']).toBe(1);
  });

  it('a point of a sweep is the scenario file with the value set, and its identity differs from its neighbours', () => {
    const e = course.find((x) => x.ok && x.lesson.id === '03-hockey-stick');
    if (!e?.ok) throw new Error('lesson 3 missing');
    const planned = labPoints(e.lesson);
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    const p = planned.points.find((x) => x.value === 0.9)!;
    expect(JSON.parse(p.text).producers[0].interarrival.rate).toBe(0.9);
    // Repository paths, as npm run lesson prints them (was 'scenarios/03-…', relative to the lesson: no such file at the root).
    expect(p.label).toBe('lessons/scenarios/03-hockey-stick.json, producers[0].interarrival.rate = 0.9');
    expect(p.short).toBe('producers[0].interarrival.rate = 0.9');
    expect(new Set(planned.points.map((x) => x.identity)).size).toBe(7);
  });

  it('every lesson text renders: formulas through KaTeX, none in error, no raw HTML', () => {
    for (const e of course) {
      if (!e.ok) continue;
      const html = renderLessonMarkdown(e.lesson.body);
      expect(html, e.path).toContain('class="katex"');
      expect(html, e.path).not.toContain('katex-error');
      expect(html, e.path).not.toMatch(/<(script|img|iframe|style)\b/i);
    }
  });
});

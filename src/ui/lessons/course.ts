// The course as the lab bundles it: every lessons/NN-name.md and every scenario file a lesson may
// name (lessons/scenarios/*.json, scenarios/*.json) as text inside the built site, so the lab
// runs lessons from any static host with nothing to fetch. Lessons are parsed by src/lessons,
// exactly as `npm run lesson` parses them.
import { lessonPoints, type ScenarioSource } from '../../lessons/run.ts';
import { LESSON_FILE, parseLesson } from '../../lessons/parse.ts';
import type { Lesson } from '../../lessons/types.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { setParam } from '../../sim/sweep/paramPath.ts';
import type { ParamValue } from '../../sim/sweep/values.ts';

// (Vite reads the glob options statically: they must be written out at each call.)
type Files = Record<string, string>;
const lessonFiles = import.meta.glob('../../../lessons/*.md', { eager: true, query: '?raw', import: 'default' }) as Files;
const scenarioFiles = {
  ...(import.meta.glob('../../../lessons/scenarios/*.json', { eager: true, query: '?raw', import: 'default' }) as Files),
  ...(import.meta.glob('../../../scenarios/*.json', { eager: true, query: '?raw', import: 'default' }) as Files),
};

/** A glob key as a repository-relative path: ../../../lessons/x.md -> lessons/x.md. */
const repoPath = (key: string) => key.replace(/^(\.\.\/)+/, '');
const scenarioTexts = new Map(Object.entries(scenarioFiles).map(([k, text]) => [repoPath(k), text]));

/** A bundled scenario file's text, by repository-relative path. */
export function scenarioText(path: string): string | undefined {
  return scenarioTexts.get(path);
}

/** The JSON of a bundled scenario file, as src/lessons reads scenario files. */
export const scenarioSource: ScenarioSource = (path) => {
  const text = scenarioText(path);
  return text === undefined ? undefined : JSON.parse(text);
};

/** One lesson file: parsed, or its problems (shown in the list instead of hiding the lesson). */
export type CourseEntry =
  | { ok: true; path: string; text: string; lesson: Lesson }
  | { ok: false; path: string; text: string; problems: string[] };

/** Every lessons/NN-name.md, in file order. */
export const course: CourseEntry[] = Object.entries(lessonFiles)
  .map(([key, text]) => ({ path: repoPath(key), text }))
  .filter((f) => LESSON_FILE.test(f.path.slice(f.path.lastIndexOf('/') + 1)))
  .sort((a, b) => a.path.localeCompare(b.path))
  .map(({ path, text }): CourseEntry => {
    const parsed = parseLesson(text, path);
    return parsed.ok ? { ok: true, path, text, lesson: parsed.lesson } : { ok: false, path, text, problems: parsed.problems };
  });

/** One thing the lab can run for a lesson: a scenario of it, at one value of its varied parameter. */
export interface LabPoint {
  /** Unique within the lesson, e.g. "main" or "main=0.9". */
  key: string;
  scenario: string;
  value: ParamValue | null;
  /** e.g. "scenarios/03-hockey-stick.json, producers[0].interarrival.rate = 0.9". */
  label: string;
  /** e.g. "producers[0].interarrival.rate = 0.9", "overload: scenarios/08-starvation.json". */
  short: string;
  /** The JSON text the scenario panel gets (the file itself, or the file with the value set). */
  text: string;
  checked: Scenario;
  /** JSON of `checked`: the scenario on the panel is this point when its checked form is equal. */
  identity: string;
}

export type LabPoints = { ok: true; points: LabPoint[] } | { ok: false; problems: string[] };

/** The lesson's points in its order (scenarios, then the values of each one's varied parameter). */
export function labPoints(lesson: Lesson): LabPoints {
  const planned = lessonPoints(lesson, scenarioSource);
  if (!planned.ok) return planned;
  const points = planned.points.map((p): LabPoint => {
    const ref = lesson.scenarios.find((s) => s.id === p.scenario)!;
    const file = scenarioText(ref.path)!;
    const text = ref.vary ? JSON.stringify(setParam(JSON.parse(file), ref.vary.path, p.value), null, 2) + '\n' : file;
    // The file by its path in the repository (as `npm run lesson` prints it), not relative to the lesson.
    const where = lesson.scenarios.length > 1 ? `${ref.id}: ${ref.path}` : ref.path;
    const setting = ref.vary ? `${ref.vary.path} = ${JSON.stringify(p.value)}` : null;
    return {
      key: p.value === null ? p.scenario : `${p.scenario}=${JSON.stringify(p.value)}`,
      scenario: p.scenario,
      value: p.value,
      label: setting ? `${where}, ${setting}` : where,
      short: setting ? (lesson.scenarios.length > 1 ? `${ref.id}: ${setting}` : setting) : where,
      text,
      checked: p.checked,
      identity: JSON.stringify(p.checked),
    };
  });
  return { ok: true, points };
}

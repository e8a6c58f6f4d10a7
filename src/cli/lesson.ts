// `npm run lesson -- ID | --all | --list [--json]`: runs a lesson's experiments headless and
// prints its checks (simulated with CI, theory, verdict). A thin shell: read the files, call
// src/lessons, print. Exit 0 when every check passes, 1 when one fails, 2 on bad input.
import { ignoreClosedStdout } from './closedPipe.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { badInput, readCommandLine } from './args.ts';
import { formatReport, LESSON_FILE, lessonReport, parseLesson, runLesson, type Lesson, type LessonReport } from '../lessons/index.ts';

const usage = 'usage: npm run lesson -- ID | --all | --list [--json]   (ID: a lesson id such as 03-hockey-stick, or its number)';
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every lesson file, parsed; problems as lines. */
function readLessons(): { lessons: Lesson[]; problems: string[] } {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  const files = readdirSync(`${root}lessons`).filter((f) => LESSON_FILE.test(f)).sort();
  for (const f of files) {
    const path = `lessons/${f}`;
    const parsed = parseLesson(readFileSync(`${root}${path}`, 'utf8'), path);
    if (parsed.ok) lessons.push(parsed.lesson);
    else problems.push(...parsed.problems);
  }
  return { lessons, problems };
}

function source(path: string): unknown {
  const file = `${root}${path}`;
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new BadInput([`${path}: not valid JSON: ${(err as Error).message}`]);
  }
}

class BadInput extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

function pick(lessons: Lesson[], id: string): Lesson | undefined {
  const exact = lessons.find((l) => l.id === id);
  if (exact) return exact;
  if (/^\d+$/.test(id)) return lessons.find((l) => Number(l.id.split('-')[0]) === Number(id));
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  const args = readCommandLine(
    argv,
    { all: { type: 'boolean', default: false }, list: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    usage,
    { count: 'any', what: 'lesson' },
  );
  if (typeof args === 'number') return args;
  const { all, list, json } = args.values;
  const ids = args.positionals;
  if ([all, list, ids.length > 0].filter(Boolean).length !== 1 || ids.length > 1) {
    process.stderr.write(`give one lesson ID, --all or --list\n${usage}\n`);
    return 2;
  }
  const { lessons, problems } = readLessons();
  if (problems.length > 0) return badInput(problems);
  if (list) {
    if (json) process.stdout.write(`${JSON.stringify({ lessons: lessons.map((l) => ({ id: l.id, title: l.title, question: l.question, path: l.path })) })}\n`);
    else for (const l of lessons) process.stdout.write(`${l.id.padEnd(28)} ${l.title}\n`);
    return 0;
  }
  let chosen = lessons;
  if (ids.length === 1) {
    const lesson = pick(lessons, ids[0]);
    if (!lesson) return badInput([`unknown lesson "${ids[0]}" (npm run lesson -- --list shows them)`]);
    chosen = [lesson];
  }
  const reports: LessonReport[] = [];
  for (const lesson of chosen) {
    let report: LessonReport;
    try {
      report = lessonReport(await runLesson(lesson, source));
    } catch (err) {
      if (err instanceof BadInput) return badInput(err.lines);
      if (err instanceof Error && err.message.startsWith(`${lesson.id}: `)) return badInput(err.message.split('\n'));
      throw err;
    }
    reports.push(report);
    if (!json) process.stdout.write(`${formatReport(report)}\n\n`);
  }
  const passed = reports.every((r) => r.passed);
  if (json) process.stdout.write(`${JSON.stringify({ passed, lessons: reports })}\n`);
  else if (reports.length > 1) {
    const bad = reports.filter((r) => !r.passed).map((r) => r.id);
    process.stdout.write(`${reports.length - bad.length} of ${reports.length} lessons pass${bad.length > 0 ? `; failing: ${bad.join(', ')}` : ''}\n`);
  }
  return passed ? 0 : 1;
}

ignoreClosedStdout();
process.exitCode = await main(process.argv.slice(2));

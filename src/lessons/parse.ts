// parseLesson(text, path): a lesson file (front matter + Markdown) into a checked Lesson, or
// every problem found, one line each, naming the field and the rule.
import type { ParamValue } from '../sim/sweep/values.ts';
import { calledFunctions, isPath, parseExpr, rootNames, ExprSyntaxError } from './expr/parse.ts';
import { functions } from './functions.ts';
import { FrontMatterError, parseFrontMatter, splitFrontMatter, type Yaml } from './frontMatter.ts';
import type { Check, Expression, FitSpec, Lesson, ReferenceKind, ScenarioRef, Tolerance, Vary } from './types.ts';

/** A lesson's file name in lessons/: NN-name.md (lessons/README.md, the format, is not one). */
export const LESSON_FILE = /^\d{2}-[a-z0-9-]+\.md$/;

export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; problems: string[] };

/** Roots a metric may read as a path: means with confidence intervals. */
const METRIC_PATH_ROOTS = ['summary', 'fit'];
/** Roots that are fixed numbers at a point (no sampling error). */
const CONSTANT_ROOTS = ['theory', 'scenario', 'value'];
const REFERENCE_KINDS: ReferenceKind[] = ['theory', 'expect', 'below', 'above'];
const TOP_KEYS = ['id', 'title', 'question', 'scenario', 'scenarios', 'vary', 'fit', 'checks'];
const CHECK_KEYS = ['label', 'scenario', 'at', 'metric', ...REFERENCE_KINDS, 'tolerance', 'predict'];

type Obj = { [key: string]: Yaml };

const isObj = (x: Yaml | undefined): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Joins a path relative to the lesson's folder and normalises it (POSIX, no Node modules). */
export function resolveRelative(lessonPath: string | null, file: string): string {
  const dir = lessonPath === null ? 'lessons' : lessonPath.split('/').slice(0, -1).join('/');
  const parts: string[] = [];
  for (const part of `${dir}/${file}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

export function parseLesson(text: string, path: string | null = null): LessonParse {
  const problems: string[] = [];
  const where = path ?? 'lesson';
  let fm: Obj;
  let body: string;
  try {
    const split = splitFrontMatter(text);
    fm = parseFrontMatter(split.frontMatter, split.firstLine);
    body = split.body;
  } catch (err) {
    if (err instanceof FrontMatterError) return { ok: false, problems: [`${where}: ${err.message}`] };
    throw err;
  }
  const problem = (field: string, rule: string) => problems.push(`${where}: ${field}: ${rule}`);

  for (const key of Object.keys(fm)) if (!TOP_KEYS.includes(key)) problem(key, `unknown field (fields: ${TOP_KEYS.join(', ')})`);
  const id = fm.id;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) problem('id', `must be lowercase letters, digits and dashes, got ${JSON.stringify(id ?? null)}`);
  const title = fm.title;
  if (typeof title !== 'string' || title.trim() === '') problem('title', 'must be a non-empty text');
  const question = fm.question ?? null;
  if (question !== null && typeof question !== 'string') problem('question', 'must be a text');

  const scenarios: ScenarioRef[] = [];
  if (fm.scenario !== undefined && fm.scenarios !== undefined) problem('scenario', 'give either scenario (one file) or scenarios (a list), not both');
  else if (fm.scenario !== undefined) {
    if (typeof fm.scenario !== 'string') problem('scenario', 'must be a file path relative to the lesson');
    else {
      scenarios.push({
        id: 'main',
        file: fm.scenario,
        path: resolveRelative(path, fm.scenario),
        vary: readVary(fm.vary, 'vary', problem),
        fit: readFit(fm.fit, 'fit', problem),
      });
    }
  } else if (Array.isArray(fm.scenarios) && fm.scenarios.length > 0) {
    if (fm.vary !== undefined) problem('vary', 'with several scenarios, give vary inside each scenarios[] entry');
    if (fm.fit !== undefined) problem('fit', 'with several scenarios, give fit inside each scenarios[] entry');
    fm.scenarios.forEach((s, i) => {
      const at = `scenarios[${i}]`;
      if (!isObj(s)) return problem(at, 'must be a mapping with id and file (and optionally vary, fit)');
      for (const key of Object.keys(s)) if (!['id', 'file', 'vary', 'fit'].includes(key)) problem(`${at}.${key}`, 'unknown field (fields: id, file, vary, fit)');
      if (typeof s.id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(s.id)) return problem(`${at}.id`, 'must be a name of letters, digits, _ and -');
      if (scenarios.some((x) => x.id === s.id)) return problem(`${at}.id`, `"${s.id}" is used twice`);
      if (typeof s.file !== 'string') return problem(`${at}.file`, 'must be a file path relative to the lesson');
      scenarios.push({
        id: s.id,
        file: s.file,
        path: resolveRelative(path, s.file),
        vary: readVary(s.vary, `${at}.vary`, problem),
        fit: readFit(s.fit, `${at}.fit`, problem),
      });
    });
  } else problem('scenario', 'missing: give scenario (a file) or scenarios (a non-empty list)');

  const checks: Check[] = [];
  if (!Array.isArray(fm.checks) || fm.checks.length === 0) problem('checks', 'must be a non-empty list');
  else fm.checks.forEach((c, i) => {
    const check = readCheck(c, `checks[${i}]`, scenarios, problem);
    if (check) checks.push(check);
  });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    lesson: { id: id as string, title: (title as string).trim(), question: question as string | null, scenarios, checks, body, path },
  };
}

type Report = (field: string, rule: string) => void;

function isParamValue(x: Yaml): x is ParamValue {
  return x === null || ['number', 'string', 'boolean'].includes(typeof x);
}

function readVary(v: Yaml | undefined, at: string, problem: Report): Vary | null {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) return (problem(at, 'must be a mapping { path, values }'), null);
  for (const key of Object.keys(v)) if (!['path', 'values'].includes(key)) problem(`${at}.${key}`, 'unknown field (fields: path, values)');
  if (typeof v.path !== 'string' || v.path === '') return (problem(`${at}.path`, 'must be a parameter path, e.g. producers[0].interarrival.rate'), null);
  if (!Array.isArray(v.values) || v.values.length === 0 || !v.values.every(isParamValue)) {
    return (problem(`${at}.values`, 'must be a non-empty list of numbers, texts, booleans or null'), null);
  }
  return { path: v.path, values: v.values as ParamValue[] };
}

function readFit(v: Yaml | undefined, at: string, report: Report): FitSpec | null {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) return (report(at, 'must be a mapping { from, to, terms, groups, [queue], [initial] }'), null);
  let ok = true;
  const problem = (field: string, rule: string) => {
    ok = false;
    report(field, rule);
  };
  const keys = ['queue', 'from', 'to', 'terms', 'initial', 'groups'];
  for (const key of Object.keys(v)) if (!keys.includes(key)) problem(`${at}.${key}`, `unknown field (fields: ${keys.join(', ')})`);
  const queue = v.queue ?? null;
  if (queue !== null && typeof queue !== 'string') problem(`${at}.queue`, 'must be a queue id');
  const from = v.from ?? 0;
  const to = v.to;
  if (typeof from !== 'number' || from < 0) problem(`${at}.from`, 'must be a number >= 0');
  if (typeof to !== 'number' || !(typeof from === 'number' && to > from)) problem(`${at}.to`, 'must be a number > from');
  const terms = v.terms ?? 'auto';
  if (!(terms === 'auto' || (typeof terms === 'number' && Number.isInteger(terms) && terms >= 1))) problem(`${at}.terms`, 'must be an integer >= 1 or auto');
  const initial = v.initial ?? null;
  if (initial !== null && typeof initial !== 'number') problem(`${at}.initial`, 'must be a number or null');
  const groups = v.groups;
  if (!(typeof groups === 'number' && Number.isInteger(groups) && groups >= 2)) problem(`${at}.groups`, 'must be an integer >= 2');
  if (!ok) return null;
  return { queue: queue as string | null, from: from as number, to: to as number, terms: terms as number | 'auto', initial: initial as number | null, groups: groups as number };
}

function expression(text: Yaml | undefined, field: string, problem: Report): Expression | null {
  if (typeof text === 'number') text = String(text);
  if (typeof text !== 'string' || text.trim() === '') return (problem(field, 'must be an expression (a path, a number, a formula)'), null);
  try {
    const expr = parseExpr(text);
    for (const f of calledFunctions(expr)) {
      if (!Object.prototype.hasOwnProperty.call(functions, f)) {
        problem(field, `unknown function ${f} (functions: ${Object.keys(functions).join(', ')})`);
        return null;
      }
    }
    return { text: text.trim(), expr, perReplication: rootNames(expr).has('replications') };
  } catch (err) {
    if (err instanceof ExprSyntaxError) return (problem(field, err.message), null);
    throw err;
  }
}

/** A dash between letters reads as a minus: ids with dashes are written queues["my-id"]. */
function dashHint(text: string): string {
  const m = /\.([A-Za-z0-9_]+-[A-Za-z0-9_-]+)/.exec(text);
  return m ? `; for an id with a dash write ["${m[1]}"]` : '';
}

function readCheck(c: Yaml, at: string, scenarios: ScenarioRef[], problem: Report): Check | null {
  if (!isObj(c)) return (problem(at, 'must be a mapping with label, metric and theory (or expect, below, above)'), null);
  let ok = true;
  const bad = (field: string, rule: string) => {
    ok = false;
    problem(field, rule);
  };
  for (const key of Object.keys(c)) if (!CHECK_KEYS.includes(key)) bad(`${at}.${key}`, `unknown field (fields: ${CHECK_KEYS.join(', ')})`);
  if (typeof c.label !== 'string' || c.label.trim() === '') bad(`${at}.label`, 'must be a non-empty text');

  const id = c.scenario ?? (scenarios.length === 1 ? scenarios[0].id : null);
  const ref = scenarios.find((s) => s.id === id);
  if (id === null) bad(`${at}.scenario`, `which scenario? (${scenarios.map((s) => s.id).join(', ')})`);
  else if (scenarios.length > 0 && !ref) bad(`${at}.scenario`, `no scenario "${String(id)}" (scenarios: ${scenarios.map((s) => s.id).join(', ')})`);

  let at_: ParamValue[] | null = null;
  if (c.at !== undefined && c.at !== null) {
    const list = Array.isArray(c.at) ? c.at : [c.at];
    if (!list.every(isParamValue)) bad(`${at}.at`, 'must be a value of the varied parameter, or a list of them');
    else if (ref && !ref.vary) bad(`${at}.at`, `scenario "${ref.id}" varies no parameter`);
    else if (ref?.vary) {
      const missing = list.filter((v) => !ref.vary!.values.some((x) => x === v));
      if (missing.length > 0) bad(`${at}.at`, `${JSON.stringify(missing)} not among the values ${JSON.stringify(ref.vary.values)}`);
    }
    at_ = list as ParamValue[];
  }

  const kinds = REFERENCE_KINDS.filter((k) => c[k] !== undefined);
  if (kinds.length !== 1) bad(at, `give exactly one of ${REFERENCE_KINDS.join(', ')} (got ${kinds.length === 0 ? 'none' : kinds.join(', ')})`);
  const metric = expression(c.metric, `${at}.metric`, bad);
  const kind = kinds[0];
  const reference = kind ? expression(c[kind], `${at}.${kind}`, bad) : null;

  const tolerance = c.tolerance ?? 'ci';
  if (tolerance !== 'ci' && tolerance !== 'exact' && tolerance !== 'none') bad(`${at}.tolerance`, `must be ci, exact or none, got ${JSON.stringify(tolerance)}`);
  if (tolerance === 'exact' && (kind === 'below' || kind === 'above')) bad(`${at}.tolerance`, 'exact is for theory or expect (an identity), not below / above');
  const predict = c.predict ?? null;
  if (predict !== null && typeof predict !== 'string') bad(`${at}.predict`, 'must be a text (the question asked for a prediction)');

  const allowed = new Set([...CONSTANT_ROOTS, 'replications']);
  if (ref && !ref.vary) allowed.delete('value');
  if (metric) {
    const roots = rootNames(metric.expr);
    const unknown = [...roots].filter((r) => !allowed.has(r) && !METRIC_PATH_ROOTS.includes(r));
    if (unknown.length > 0) bad(`${at}.metric`, `unknown name ${unknown.join(', ')} (names: summary, fit, replications, theory, scenario${ref?.vary ? ', value' : ''})${dashHint(metric.text)}`);
    else if (metric.perReplication) {
      const aggregate = [...roots].filter((r) => METRIC_PATH_ROOTS.includes(r));
      if (aggregate.length > 0) bad(`${at}.metric`, `mixes per-replication values with ${aggregate.join(', ')}: use replications.* throughout`);
    } else if (!isPath(metric.expr) || !METRIC_PATH_ROOTS.some((r) => roots.has(r))) {
      bad(`${at}.metric`, 'must be a path to a simulated mean (summary.*, fit.*) or an expression over replications.*');
    } else if (roots.has('fit') && ref && !ref.fit) bad(`${at}.metric`, `scenario "${ref.id}" has no fit`);
  }
  if (reference && kind) {
    const roots = rootNames(reference.expr);
    const unknown = [...roots].filter((r) => !allowed.has(r));
    if (unknown.length > 0) {
      bad(`${at}.${kind}`, `cannot read ${unknown.join(', ')} here (names: theory, scenario${ref?.vary ? ', value' : ''}, replications; compare with another simulated figure through replications.*)${dashHint(reference.text)}`);
    } else if (reference.perReplication && metric && !metric.perReplication) {
      bad(`${at}.metric`, `is compared per replication with ${kind}: write it over replications.* too`);
    }
  }
  if (!ok || !metric || !reference || !kind || !ref) return null;
  return {
    label: (c.label as string).trim(),
    scenario: ref.id,
    at: at_,
    metric,
    reference: { ...reference, kind },
    tolerance: tolerance as Tolerance,
    predict: predict as string | null,
  };
}

// Running a slice of a sweep's jobs with any JobRunner (this thread, worker threads, a Web
// Worker...). With `"warmup": "auto"` a point's warm-up comes from a pilot pass of all its
// replications, chosen exactly as `npm run sim` chooses it, so each shard that runs part of a
// point finds the same warm-up on its own.
import { chooseWarmup } from '../experiment.ts';
import { JobProgress } from '../../sim/jobProgress.ts';
import { combineReplications, type JobRunner, type ReplicationFiguresData } from '../../sim/replicate.ts';
import type { Progress } from '../../sim/run.ts';
import { sweepJobs, type SweepPoint } from '../../sim/sweep/plan.ts';

/** The warm-up a point ran with, and the "auto" warm-up's warning, if any. */
export interface WarmupChoice {
  point: number;
  warmup: number;
  warning: string | null;
}

export interface JobResult {
  point: number;
  replication: number;
  figures: ReplicationFiguresData;
}

/** What running jobs [from, to) gives: results in job order, warm-ups of the points touched. */
export interface SliceResult {
  warmups: WarmupChoice[];
  results: JobResult[];
}

export async function runSweepSlice(
  points: readonly SweepPoint[],
  range: { from: number; to: number },
  run: JobRunner,
  onProgress?: (p: Progress) => void,
): Promise<SliceResult> {
  const jobs = sweepJobs(points).slice(range.from, range.to);
  const touched = points.filter((p) => jobs.some((j) => j.point === p.index));
  const pilots = touched.filter((p) => p.scenario.warmup === 'auto');
  // One progress over the pilot replications, then this slice's jobs.
  const horizons = [
    ...pilots.flatMap((p) => Array<number>(p.scenario.replications).fill(p.scenario.horizon)),
    ...jobs.map((j) => points[j.point].scenario.horizon),
  ];
  const progress = new JobProgress(horizons, onProgress);
  const track = <T>(slot: number, start: (report: ((time: number, produced: number) => void) | undefined) => Promise<T>) =>
    start(progress.reporter(slot)).then((x) => {
      progress.finished(slot);
      return x;
    });
  let pilotSlots = 0;

  const warmups = new Map<number, Promise<WarmupChoice>>();
  for (const p of touched) {
    const scenario = p.scenario;
    if (scenario.warmup !== 'auto') {
      warmups.set(p.index, Promise.resolve({ point: p.index, warmup: scenario.warmup, warning: null }));
      continue;
    }
    const pilot = Array.from({ length: scenario.replications }, (_, r) =>
      track(pilotSlots++, (report) => run({ scenario, replication: r, warmup: 0, series: true }, report)),
    );
    warmups.set(
      p.index,
      Promise.all(pilot).then((results) => ({
        point: p.index,
        ...chooseWarmup(scenario, combineReplications(scenario, 0, results).series),
      })),
    );
  }
  const results = await Promise.all(
    jobs.map(async ({ point, replication }, i) => {
      const { warmup } = await warmups.get(point)!;
      const scenario = points[point].scenario;
      const r = await track(pilotSlots + i, (report) => run({ scenario, replication, warmup, series: false }, report));
      return { point, replication, figures: r.figures };
    }),
  );
  return { warmups: await Promise.all([...warmups.values()]), results };
}

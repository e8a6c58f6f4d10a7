// A finished run as the page holds it: the worker's 'started' and 'finished' messages for a
// result computed by the core in Node, applied to an empty LabData.
import type { ExperimentResult } from '../../../src/models/experiment.ts';
import { sampleGrid } from '../../../src/sim/engine/recorder.ts';
import { applyMessage, emptyLab, type LabData } from '../../../src/ui/run/labData.ts';
import { typedSeries } from '../../../src/ui/worker/typedSeries.ts';

export function labFrom(result: ExperimentResult): LabData {
  const s = result.scenario;
  const lab = emptyLab();
  applyMessage(lab, {
    type: 'started',
    grid: sampleGrid(s.horizon, s.sampleEvery),
    queueIds: s.queues.map((q) => q.id),
    consumerIds: s.consumers.map((c) => c.id),
    scaledIds: s.consumers.filter((c) => c.autoscale !== null).map((c) => c.id),
    replications: s.replications,
  });
  const series = typedSeries(result.series).series;
  applyMessage(lab, { type: 'finished', result: { ...result, series }, transients: [], latency: null, json: '', csv: '', elapsedMs: 0 });
  return lab;
}

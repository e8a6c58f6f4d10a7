import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/models/experiment.ts';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { backlogSpec } from '../../../src/ui/views/backlog.ts';
import type { Layer } from '../../../src/ui/plots/figure.ts';
import { labFrom } from './labFrom.ts';

const theme = { fg: '#000', muted: '#666', grid: '#eee', bg: '#fff', band: '#00f' };

const scenario = (initial: number, slowdowns: { start: number; end: number; factor: number }[] = []) =>
  parseScenario({
    name: 'a backlog of 200, two consumers',
    horizon: 400,
    sampleEvery: 1,
    replications: 3,
    producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 1 } }],
    queues: [{ id: 'q', initial }],
    consumers: [{ id: 'c', from: 'q', count: 2, service: { dist: 'exponential', rate: 1 }, slowdowns }],
  });

const vrules = (layers: Layer[]) => layers.filter((l): l is Extract<Layer, { kind: 'vrule' }> => l.kind === 'vrule');

describe('backlogSpec(lab, domain, width, theme, onZoom, scenario)', () => {
  it('marks a backlog’s drain time by theory and as simulated', () => {
    const s = scenario(200);
    const result = runExperiment(s);
    const spec = backlogSpec(labFrom(result), [0, 400], 640, theme, undefined, s);
    const marks = vrules(spec.layers);
    expect(marks.map((m) => m.value)).toEqual([(200 - 2) / (2 - 1), result.summary.queues.q.drainTime!.mean]);
    expect(marks[0].label).toBe('drain theory 198 s');
  });

  it('shades a slowdown window (theory has no model then, so only the simulated drain is marked)', () => {
    const s = scenario(200, [{ start: 300, end: 330, factor: 2 }]);
    const result = runExperiment(s);
    const spec = backlogSpec(labFrom(result), [0, 400], 640, theme, undefined, s);
    expect(spec.layers.some((l) => l.kind === 'span' && l.from === 300 && l.to === 330 && l.label === 'c ×2 slower')).toBe(true);
    expect(vrules(spec.layers).map((m) => m.value)).toEqual([result.summary.queues.q.drainTime!.mean]);
  });

  it('draws no drain marks for a queue that starts empty', () => {
    const s = scenario(0);
    expect(vrules(backlogSpec(labFrom(runExperiment(s)), [0, 400], 640, theme, undefined, s).layers)).toEqual([]);
  });
});

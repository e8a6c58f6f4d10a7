import { describe, expect, it } from 'vitest';
import { producerStream } from '../../../src/models/theory/streams';
import { throughTransport, transportTheory } from '../../../src/models/theory/transport';
import type { Transport } from '../../../src/sim/scenario/types';
import { producer } from './fixtures';
import { expectClose } from './helpers';

const t = (x: Partial<Transport>): Transport => ({
  protocol: 'tcp',
  delay: { dist: 'deterministic', value: 0.1 },
  loss: 0,
  rto: 1,
  overhead: null,
  ...x,
});

describe('transportTheory(transport)', () => {
  it('transportTheory: udp delivers 1 - p; tcp and http deliver all, later by rto p / (1 - p)', () => {
    expect(transportTheory(null)).toEqual({ delivered: 1, meanDelay: 0 });
    const udp = transportTheory(t({ protocol: 'udp', loss: 0.05 }));
    expectClose(udp.delivered, 0.95);
    expectClose(udp.meanDelay, 0.1);
    expectClose(transportTheory(t({ loss: 0.2 })).meanDelay, 0.1 + 0.25);
    const http = t({ protocol: 'http', loss: 0.2, overhead: { dist: 'deterministic', value: 0.3 } });
    expectClose(transportTheory(http).meanDelay, 0.65);
  });
});

describe('throughTransport(stream, transport, producer)', () => {
  const poisson = producerStream(producer, 1000);
  const uniform = producerStream({ ...producer, interarrival: { dist: 'uniform', min: 0, max: 2 } }, 1000);

  it('throughTransport: udp loss thins a Poisson stream to rate (1 - p) lambda, still Poisson', () => {
    const s = throughTransport(poisson, t({ protocol: 'udp', loss: 0.2, delay: { dist: 'exponential', rate: 5 } }), 'p');
    expectClose(s.rate, 0.72);
    expect(s).toMatchObject({ poisson: true, scv: 1, renewal: true });
  });

  it('throughTransport: random delays reorder a non-Poisson stream; a constant delay only shifts it', () => {
    expect(throughTransport(uniform, t({ delay: { dist: 'exponential', rate: 5 } }), 'p').renewal).toBe(false);
    expect(throughTransport(uniform, t({}), 'p')).toEqual(uniform);
    expect(throughTransport(uniform, t({ loss: 0.1 }), 'p').renewal).toBe(false); // resends vary the delay
  });
});

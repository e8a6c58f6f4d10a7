// The broker presets in scenarios/brokers/: each is a valid scenario, runs briefly, accounts for
// every message, keeps its consumers as busy as theory says, and models its broker's knobs the
// way the README's table says.
import { describe, expect, it } from 'vitest';
import { theoryFor } from '../../src/models/theory/index.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';
import { expectAgrees } from '../helpers/agreement.ts';
import { loadExample, runScenario } from '../helpers/scenarios.ts';

/** A preset shortened to `horizon` seconds (a tenth of it warm-up), 3 replications. */
function brief(name: string, horizon: number) {
  const file = loadExample(`brokers/${name}`);
  const scenario: Scenario = { ...file, horizon, warmup: horizon / 10, replications: 3 };
  return { file, scenario, out: runScenario(scenario), theory: theoryFor(scenario) };
}

function common({ scenario, out, theory }: ReturnType<typeof brief>, busy: string[]) {
  const m = out.summary.messages;
  expect(m.produced).toBeGreaterThan(0);
  expect(m.produced).toBe(m.completed + m.waiting + m.inFlight + m.rejected + m.dropped + m.expired + m.deadLetterDropped + m.lost + m.lostInTransit);
  for (const id of busy) {
    const from = scenario.consumers.find((c) => c.id === id)!.from;
    expectAgrees(`${id} utilisation`, out.summary.consumers[id].utilization, theory.queues[from].result!.utilization, scenario.replications, busy.length);
  }
}

describe('broker presets (scenarios/brokers)', () => {
  it('rabbitmq.json: prefetch_count, x-max-length (ready messages), x-overflow drop-head, requeue at once, delivery limit', () => {
    const run = brief('rabbitmq', 600);
    common(run, ['workers']);
    const [orders] = run.file.queues;
    expect(orders).toMatchObject({ capacity: 1000, overflow: 'drop-head' });
    const workers = run.file.consumers[0];
    expect(workers.prefetch).toBe(10);
    expect(workers.ack).toMatchObject({ mode: 'manual', visibilityTimeout: null, maxDeliveries: 5, deadLetter: 'orders.dlq' });
    expect(run.out.summary.messages.redelivered).toBeGreaterThan(0); // nacks requeued at once
  });

  it('sqs.json: long polling (WaitTimeSeconds 20, MaxNumberOfMessages 10), visibility timeout, maxReceiveCount', () => {
    const run = brief('sqs', 1800);
    common(run, ['workers']);
    expect(run.file.consumers[0].fetch).toEqual({ mode: 'poll', interval: 0.05, batch: 10, wait: 20 });
    expect(run.file.consumers[0].ack).toMatchObject({ mode: 'manual', visibilityTimeout: 120, maxDeliveries: 5, deadLetter: 'jobs-dlq' });
    const m = run.out.summary.messages;
    // Long polls wait for a message instead of coming back empty: few empty receives.
    expect(m.emptyPolls).toBeLessThan(0.2 * m.polls);
  });

  it('kafka.json: one consumer per partition, keys spread evenly, poll() up to max.poll.records', () => {
    const run = brief('kafka', 120);
    const ids = run.scenario.consumers.map((c) => c.id);
    common(run, ids);
    expect(run.scenario.queues.map((q) => q.id)).toEqual(['p0', 'p1', 'p2', 'p3']);
    for (const c of run.scenario.consumers) expect(c).toMatchObject({ count: 1, fetch: { mode: 'poll', batch: 500, wait: 0.5 } });
    for (const q of run.scenario.queues) {
      expectAgrees(`${q.id} arrival rate`, run.out.summary.queues[q.id].arrivalRate, 300 / 4, run.scenario.replications, 4);
    }
  });

  it('jetstream.json: AckWait, MaxDeliver without a dead-letter queue, MaxAckPending shared by the workers', () => {
    const run = brief('jetstream', 900);
    common(run, ['workers']);
    const workers = run.file.consumers[0];
    expect(workers.ack).toMatchObject({ mode: 'manual', visibilityTimeout: 30, maxDeliveries: 5, deadLetter: null });
    expect(workers.prefetch * workers.count).toBe(100); // MaxAckPending of the consumer
    expect(run.file.queues[0]).toMatchObject({ capacity: 10000, overflow: 'drop-head' });
    expect(run.out.summary.messages.redelivered).toBeGreaterThan(0); // redelivered after AckWait
  });
});

import { describe, expect, it } from 'vitest';
import { runningStatus } from '../../../src/ui/panels/runStatus.ts';
import type { LiveState } from '../../../src/ui/worker/protocol.ts';

const state = (over: Partial<LiveState>): LiveState =>
  ({ replication: 3, time: 1800, queueLength: [0], utilization: [0], servers: [1], fraction: 0.35, phase: 'main', messages: 504_000, messagesPerSecond: 1_200_000, ...over }) as LiveState;

describe('runningStatus', () => {
  it('says where the run is: replication, simulated time, messages and their rate', () => {
    expect(runningStatus(false, state({}), 10)).toBe('Running: replication 4/10, t = 1800 s, 504K messages, 1.2M messages/s.');
    expect(runningStatus(true, state({}), 10)).toBe('Paused: replication 4/10, t = 1800 s, 504K messages, 1.2M messages/s.');
    expect(runningStatus(false, null, 10)).toBe('Running: starting.');
  });

  it('says the models are being fitted once every replication has reached the horizon (it kept "replication 10/10, t = 3600 s", which read as a hang)', () => {
    const done = state({ replication: 9, time: 3600, fraction: 1, messages: 1_440_000 });
    expect(runningStatus(false, done, 10)).toBe('Finishing: 10 replications simulated, 1.44M messages; fitting the models and computing theory…');
    expect(runningStatus(false, { ...done, phase: 'pilot' }, 10)).toMatch(/^Running: replication 10\/10 \(warm-up pilot\)/);
  });
});

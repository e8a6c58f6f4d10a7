// The job dispatcher shared by the CLI's and the lab's worker pools, with workers faked as plain
// objects: jobs go to idle workers one at a time, answers settle the right job, a failure rejects
// what is left, and a worker's side runs a job to the same result as runHere.
import { describe, expect, it } from 'vitest';
import { JobDispatcher, runJobMessage, type FromJobWorker, type ToJobWorker } from '../../src/sim/jobDispatch.ts';
import { runHere, type ReplicationJob, type ReplicationResult } from '../../src/sim/replicate.ts';
import { single } from '../helpers/scenarios.ts';

const job = (replication: number): ReplicationJob => ({ scenario: single({ horizon: 200 }), replication, warmup: 0, series: true });

describe('JobDispatcher', () => {
  it('gives each idle worker one job, forwards progress, and settles each job from its own answer', async () => {
    const sent: [string, ToJobWorker][] = [];
    const d = new JobDispatcher<string>((w, msg) => sent.push([w, msg]));
    d.add('a');
    d.add('b');
    const progress: number[] = [];
    const results = [0, 1, 2].map((r) => d.run(job(r), (t) => progress.push(t)));
    expect(sent.map(([w, m]) => [w, m.job.replication])).toEqual([['b', 0], ['a', 1]]); // the third waits
    const fake = (id: number) => ({ type: 'done', id, result: { tag: id } as unknown as ReplicationResult }) as FromJobWorker;
    d.receive('a', { type: 'progress', id: sent[1][1].id, time: 5, produced: 3 });
    d.receive('a', fake(sent[1][1].id));
    expect(sent.map(([w, m]) => [w, m.job.replication])).toEqual([['b', 0], ['a', 1], ['a', 2]]);
    d.receive('b', fake(sent[0][1].id));
    d.receive('b', fake(99)); // not b's job: ignored
    d.receive('a', fake(sent[2][1].id));
    expect(await Promise.all(results)).toEqual([0, 1, 2].map((i) => ({ tag: sent[i][1].id })));
    expect(progress).toEqual([5]);
  });

  it('rejects running and queued jobs when it fails, and every later one', async () => {
    const d = new JobDispatcher<string>(() => {});
    d.add('a');
    const running = d.run(job(0));
    const queued = d.run(job(1));
    expect(d.busy('a')).toBe(true);
    d.fail(new Error('a worker thread exited (code 1)'));
    await expect(running).rejects.toThrow('exited');
    await expect(queued).rejects.toThrow('exited');
    await expect(d.run(job(2))).rejects.toThrow('exited');
    expect(d.failed).toBe(true);
  });
});

describe('runJobMessage', () => {
  it('answers with the result runHere gives, moving the series buffers, and an error as a message', async () => {
    const answers: [FromJobWorker, ArrayBuffer[]][] = [];
    runJobMessage({ id: 7, job: job(3) }, (msg, transfer) => answers.push([msg, transfer]));
    const done = answers.at(-1)!;
    expect(done[0].type).toBe('done');
    expect(done[1].length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify((done[0] as { result: ReplicationResult }).result)).toBe(JSON.stringify(await runHere(job(3))));
    const bad: FromJobWorker[] = [];
    runJobMessage({ id: 8, job: { ...job(0), scenario: null as never } }, (msg) => bad.push(msg));
    expect(bad).toEqual([{ type: 'error', id: 8, message: expect.any(String) }]);
  });
});

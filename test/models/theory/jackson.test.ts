import { describe, expect, it } from 'vitest';
import { jackson, trafficEquations, trappedNodes } from '../../../src/models/theory/jackson';
import { mm1 } from '../../../src/models/theory/mm1';
import { expectClose, expectJsonSafe, expectSameMeasures } from './helpers';

describe('trafficEquations(external, routing)', () => {
  it('trafficEquations solves a three-node feedback network as by hand', () => {
    // lambda0 = 2 + 0.25 lambda1 + 0.5 lambda2; lambda1 = 0.6 lambda0 + 0.5 lambda2;
    // lambda2 = 1 + 0.4 lambda0  =>  lambda0 = 2.625 + 0.4 lambda0 = 4.375, lambda1 = 4, lambda2 = 2.75.
    const routing = [
      [0, 0.6, 0.4],
      [0.25, 0, 0],
      [0.5, 0.5, 0],
    ];
    const lambda = trafficEquations([2, 0, 1], routing);
    [4.375, 4, 2.75].forEach((x, i) => expectClose(lambda[i], x));
  });

  it('trafficEquations conserves messages: what enters leaves', () => {
    const routing = [
      [0.1, 0.3, 0.2],
      [0, 0, 0.9],
      [0.3, 0.3, 0],
    ];
    const external = [1, 0.5, 0.25];
    const lambda = trafficEquations(external, routing);
    const leaving = lambda.reduce((s, l, i) => s + l * (1 - routing[i].reduce((a, p) => a + p, 0)), 0);
    expectClose(leaving, 1.75);
  });

  it('trafficEquations with Bernoulli feedback p gives gamma / (1 - p)', () => {
    expectClose(trafficEquations([3], [[0.25]])[0], 4);
  });

  it('trafficEquations gives 0 to nodes nothing reaches', () => {
    expect(
      trafficEquations(
        [1, 0, 0],
        [
          [0, 0, 0],
          [0, 0, 1],
          [0, 0, 0],
        ],
      ),
    ).toEqual([1, 0, 0]);
  });

  it('trafficEquations rejects a loop that messages never leave, naming its nodes', () => {
    const routing = [
      [0, 1, 0],
      [0, 0, 1],
      [0, 1, 0],
    ];
    expect(trappedNodes([1, 0, 0], routing)).toEqual([0, 1, 2]);
    expect(() => trafficEquations([1, 0, 0], routing)).toThrow(
      'trafficEquations: messages reaching nodes 0, 1, 2 never leave the network: their rates grow without bound',
    );
  });

  it('trafficEquations rejects routing rows that sum to more than 1', () => {
    expect(() =>
      trafficEquations(
        [1, 0],
        [
          [0, 0.7],
          [0.6, 0.6],
        ],
      ),
    ).toThrow('trafficEquations: routing row 1 must sum to <= 1, got 1.2');
  });
});

describe('jackson(network)', () => {
  it('jackson of a tandem equals two M/M/1s', () => {
    const r = jackson({
      external: [1, 0],
      routing: [
        [0, 1],
        [0, 0],
      ],
      mu: [2, 4],
      servers: [1, 1],
    });
    expectSameMeasures(r.nodes[0], mm1(1, 2));
    expectSameMeasures(r.nodes[1], mm1(1, 4));
    expectClose(r.W, mm1(1, 2).W! + mm1(1, 4).W!);
    expectClose(r.L, r.throughput * r.W!);
  });

  it('jackson with feedback: each node an M/M/c at its traffic-equation rate, visits lambda_i / gamma', () => {
    const r = jackson({
      external: [1, 0],
      routing: [
        [0, 1],
        [0.5, 0],
      ],
      mu: [3, 1.5],
      servers: [1, 2],
    });
    expect(r.lambda).toEqual([2, 2]);
    expect(r.visits).toEqual([2, 2]);
    expect(r.nodes.map((q) => q.model)).toEqual(['M/M/1', 'M/M/c']);
    expectClose(r.L, r.nodes[0].L! + r.nodes[1].L!);
  });

  it('jackson with an overloaded node is unstable, with null totals, and JSON-safe', () => {
    const r = jackson({
      external: [1, 0],
      routing: [
        [0, 1],
        [0.5, 0],
      ],
      mu: [3, 1.5],
      servers: [1, 1],
    });
    expect(r).toMatchObject({ stable: false, L: null, W: null });
    expectJsonSafe(r);
  });
});

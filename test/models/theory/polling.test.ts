import { describe, expect, it } from 'vitest';
import { lightTrafficPollDelay, pollingDelay, setupDelay } from '../../../src/models/theory/polling';
import { expectClose } from './helpers';

describe('polling delays', () => {
  it('setupDelay without a long poll is T/2 at every arrival rate (multiple vacations of length T)', () => {
    for (const lambda of [0, 0.01, 0.5, 3]) expectClose(setupDelay(lambda, 2, 0), 1, 1e-9);
  });

  it('setupDelay with a long poll of at least the interval is 0', () => {
    expect(setupDelay(0.5, 2, 2)).toBe(0);
    expect(setupDelay(0.5, 2, 10)).toBe(0);
  });

  it('setupDelay tends to the light-traffic (T - w)^2 / (2 T) and shrinks with the long-poll wait', () => {
    expectClose(setupDelay(0, 2, 0.5), lightTrafficPollDelay(1, 2, 0.5), 1e-9);
    expectClose(setupDelay(1e-6, 2, 0.5), 1.5 ** 2 / 4, 1e-5);
    expect(setupDelay(0.5, 2, 1)).toBeLessThan(setupDelay(0.5, 2, 0.5));
  });

  it('lightTrafficPollDelay with c servers is T / (c + 1)', () => {
    expectClose(lightTrafficPollDelay(1, 3, 0), 1.5);
    expectClose(lightTrafficPollDelay(3, 2, 0), 0.5);
    expect(lightTrafficPollDelay(3, 2, 2)).toBe(0);
  });

  it('pollingDelay is exact for one server holding one message, or a long poll >= the interval', () => {
    const one = pollingDelay(0.5, 1, 1, 1, 2, 0);
    expect(one.exact).toBe(true);
    expectClose(one.delay, 1, 1e-9);
    expect(pollingDelay(0.5, 1, 10, 1, 2, 0).exact).toBe(false);
    const three = pollingDelay(0.5, 3, 1, 1, 2, 0);
    expect(three.exact).toBe(false);
    expectClose(three.delay, 0.5);
    expect(pollingDelay(0.5, 3, 1, 1, 2, 5)).toMatchObject({ exact: true, delay: 0 });
  });
});

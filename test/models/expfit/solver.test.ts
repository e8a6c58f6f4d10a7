import { describe, expect, it } from 'vitest';
import { isConverged, levenbergMarquardt } from '../../../src/models/expfit/solver.ts';

// Rosenbrock as least squares: r = (10 (x2 - x1^2), 1 - x1), minimum 0 at (1, 1).
function rosenbrock(x: Float64Array) {
  const residual = Float64Array.of(10 * (x[1] - x[0] * x[0]), 1 - x[0]);
  return {
    sse: residual[0] ** 2 + residual[1] ** 2,
    residual,
    jacobian: () => [Float64Array.of(-20 * x[0], -1), Float64Array.of(10, 0)],
  };
}

describe('levenbergMarquardt', () => {
  it('solves Rosenbrock from the classic start (-1.2, 1)', () => {
    const r = levenbergMarquardt(rosenbrock, [-1.2, 1]);
    expect(r.theta[0]).toBeCloseTo(1, 8);
    expect(r.theta[1]).toBeCloseTo(1, 8);
    expect(isConverged(r.stopReason)).toBe(true);
    expect(r.iterations).toBeLessThan(100);
  });

  it('stays inside its bounds', () => {
    const r = levenbergMarquardt(rosenbrock, [-1.2, 1], { upper: 0.5 });
    expect(Math.max(...r.theta)).toBeLessThanOrEqual(0.5);
  });

  it('reports maxIterations, not convergence, when it runs out', () => {
    const r = levenbergMarquardt(rosenbrock, [-1.2, 1], { maxIterations: 2 });
    expect(r.stopReason).toBe('maxIterations');
    expect(isConverged(r.stopReason)).toBe(false);
  });

  it('with no parameters evaluates once and stops as linear', () => {
    const r = levenbergMarquardt(() => ({ sse: 1, residual: Float64Array.of(1), jacobian: () => [] }), []);
    expect(r).toMatchObject({ stopReason: 'linear', evaluations: 1, iterations: 0 });
  });
});

import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { dot, inverseNormal, lstsq, norm2, projectOut, qrFactor, svdRight } from '../../../src/models/expfit/linalg.ts';

function randomColumns(rows: number, cols: number, seed: string): Float64Array[] {
  const rng = seedrandom(seed);
  return Array.from({ length: cols }, () => Float64Array.from({ length: rows }, () => rng() - 0.5));
}

function times(cols: Float64Array[], x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(cols[0].length);
  cols.forEach((c, j) => c.forEach((v, i) => (out[i] += v * x[j])));
  return out;
}

describe('qrFactor and lstsq', () => {
  it('solve a consistent overdetermined system exactly, whatever the column scales', () => {
    const A = randomColumns(50, 4, 'qr-1');
    A[1] = A[1].map((v) => v * 1e8);
    A[3] = A[3].map((v) => v * 1e-6);
    const x = [1.5, -2e-8, 3, 4e6];
    const { x: got } = lstsq(qrFactor(A, 50), times(A, x));
    got.forEach((v, i) => expect(v / x[i]).toBeCloseTo(1, 10));
  });

  it('leave a residual orthogonal to every column (projectOut)', () => {
    const A = randomColumns(40, 3, 'qr-2');
    const b = Float64Array.from({ length: 40 }, (_, i) => Math.sin(i));
    const qr = qrFactor(A, 40);
    const r = projectOut(qr, b);
    const fit = lstsq(qr, b).x;
    const r2 = b.map((v, i) => v - times(A, fit)[i]);
    for (const c of A) expect(Math.abs(dot(c, r))).toBeLessThan(1e-13);
    r.forEach((v, i) => expect(v).toBeCloseTo(r2[i], 13));
  });

  it('detects a duplicated column as rank-deficient and gives it no weight', () => {
    const A = randomColumns(30, 3, 'qr-3');
    A.push(Float64Array.from(A[0]));
    const qr = qrFactor(A, 30);
    expect(qr.rank).toBe(3);
    const b = times(A, [1, 2, 3, 0]);
    const x = lstsq(qr, b).x;
    expect(x[0] + x[3]).toBeCloseTo(1, 12);
    expect(inverseNormal(qr)).toBeNull();
  });

  it('inverseNormal(A) is (A^T A)^-1: times A^T A it is the identity', () => {
    const A = randomColumns(20, 3, 'qr-4');
    const inv = inverseNormal(qrFactor(A, 20))!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += inv.inv[i][k] * dot(A[k], A[j]);
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
    expect(inv.cond).toBeGreaterThanOrEqual(1);
  });
});

describe('norm2', () => {
  it('neither overflows nor underflows', () => {
    expect(norm2([3e200, 4e200])).toBeCloseTo(5e200, -190);
    expect(norm2([3e-200, 4e-200]) / 5e-200).toBeCloseTo(1, 14);
    expect(norm2([0, 0])).toBe(0);
  });
});

describe('svdRight', () => {
  it('returns orthonormal V with |A v_k| = s_k, descending', () => {
    const cols = randomColumns(7, 5, 'svd-1');
    const rows = Array.from({ length: 7 }, (_, i) => cols.map((c) => c[i]));
    const { s, v } = svdRight(rows);
    for (let k = 0; k < 5; k++) {
      const vk = v.map((row) => row[k]);
      const Avk = rows.map((row) => dot(row, vk));
      expect(norm2(Avk)).toBeCloseTo(s[k], 12);
      for (let j = 0; j < 5; j++) expect(dot(vk, v.map((row) => row[j]))).toBeCloseTo(k === j ? 1 : 0, 12);
      if (k > 0) expect(s[k]).toBeLessThanOrEqual(s[k - 1]);
    }
  });
});

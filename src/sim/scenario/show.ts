// Rendering of offending values inside messages. Never throws, whatever it is given.

const MAX = 60;

function clip(s: string): string {
  return s.length > MAX ? `${s.slice(0, MAX - 3)}...` : s;
}

/** A short, readable rendering of any input value: -1, NaN, "fifo", {"dist":"foo"}. */
export function show(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'number':
      return String(value); // keeps NaN and Infinity visible, unlike JSON
    case 'bigint':
      return `${value}n`;
    case 'function':
    case 'symbol':
      return `a ${typeof value}`;
    case 'string':
      return JSON.stringify(clip(value));
  }
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : clip(json);
  } catch {
    return Array.isArray(value) ? 'a list' : 'an object'; // circular or hostile input
  }
}

/** A computed number, to 4 significant digits: 0.5754, -0.125, 1200. */
export function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

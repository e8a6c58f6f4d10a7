// Numbers in notes, reasons and warnings.

/** 3 significant digits, without trailing zeros: 1.2, 0.333, 1500. */
export function fmt(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/** A share as a percentage with 3 significant digits: 23%, 0.125%. */
export function pct(x: number): string {
  return `${fmt(100 * x)}%`;
}

// The raw input as the cross-field rules read it: defensively, skipping whatever has the wrong
// type (the schema reports that), so that rules run and report together with shape errors.
import { isRecord } from './show.ts';

export type Path = (string | number)[];
/** One component of a section (a producer, a queue, a consumer group) and where it is. */
export type Item = { item: Record<string, unknown>; path: Path };
/** Reports one problem. */
export type Add = (path: Path, message: string) => void;

export const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Given a value; null counts as absent (the file format's "none"). */
export const given = (v: unknown) => v !== undefined && v !== null;

/** The value, or the format's default when the field is left out. */
export const orDefault = (v: unknown, fallback: unknown) => (v === undefined ? fallback : v);

/** The components of a section that are objects at all. */
export function items(input: Record<string, unknown>, section: string): Item[] {
  const list = input[section];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, i) => (isRecord(item) ? [{ item, path: [section, i] }] : []));
}

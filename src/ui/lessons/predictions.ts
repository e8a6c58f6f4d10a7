// The learner's predictions, kept in the browser's localStorage per lesson id (one JSON object of
// check label -> text), so they survive a reload. Storage that is missing or refuses to write
// (private windows, quotas) only means predictions are not kept; it never breaks the lesson.

const key = (lessonId: string) => `queue-lab:lesson:${lessonId}:predictions`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // access itself can throw when storage is disabled
  }
}

export function loadPredictions(lessonId: string, store: Storage | null = storage()): Record<string, string> {
  try {
    const value: unknown = JSON.parse(store?.getItem(key(lessonId)) ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** Stores one prediction (an empty text removes it). Returns whether it was stored. */
export function savePrediction(lessonId: string, label: string, text: string, store: Storage | null = storage()): boolean {
  if (!store) return false;
  const all = loadPredictions(lessonId, store);
  if (text.trim() === '') delete all[label];
  else all[label] = text;
  try {
    store.setItem(key(lessonId), JSON.stringify(all));
    return true;
  } catch {
    return false;
  }
}

// The scenario in the URL: #scenario=<base64url of its UTF-8 JSON text>. Decoding only ever
// yields text for the JSON editor (checked like any input), or a message saying what is wrong.

const KEY = 'scenario';
/** A scenario larger than this in a link is refused (a link is no place for megabytes). */
export const MAX_SHARED_CHARS = 200_000;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('it holds characters that base64url does not use');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The hash for a scenario's JSON text (compacted when it parses, so links stay short). */
export function encodeShare(text: string): string {
  let compact = text;
  try {
    compact = JSON.stringify(JSON.parse(text));
  } catch {
    // Share what is there: the receiver sees the same JSON error.
  }
  return `#${KEY}=${toBase64Url(new TextEncoder().encode(compact))}`;
}

export type SharedScenario = { kind: 'none' } | { kind: 'ok'; text: string } | { kind: 'error'; message: string };

/** Reads a location hash. Never throws: a damaged link gives { kind: 'error' }. */
export function decodeShare(hash: string): SharedScenario {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const value = params.get(KEY);
  if (value === null) return { kind: 'none' };
  if (value.length > (MAX_SHARED_CHARS * 4) / 3 + 4) {
    return { kind: 'error', message: `The shared link is too long (over ${MAX_SHARED_CHARS} characters of scenario).` };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(value));
    JSON.parse(text);
    return { kind: 'ok', text };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { kind: 'error', message: `The shared link is damaged and was not loaded (${why}).` };
  }
}

// `node --import tsx bench/profileTop.ts FILE.cpuprofile [N]`: the N functions (default 15) with
// the most self time in a V8 CPU profile (`node --cpu-prof ...`), with their share of the total.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const [file, top = '15'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node --import tsx bench/profileTop.ts FILE.cpuprofile [N]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
// Self time per node from the samples (each sample's time delta goes to the node it hit).
const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const line = lineNumber > 0 ? `:${lineNumber + 1}` : '';
  const where = url.startsWith('file:') ? `${relative(process.cwd(), fileURLToPath(url))}${line}` : url || 'native';
  const key = `${functionName || '(anonymous)'}  ${where}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + (selfTime.get(node.id) ?? 0));
}
const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
const rows = [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
process.stdout.write(`total ${(total / 1e6).toFixed(2)} s sampled\n`);
for (const [key, us] of rows) process.stdout.write(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1e3).toFixed(0).padStart(6)} ms  ${key}\n`);

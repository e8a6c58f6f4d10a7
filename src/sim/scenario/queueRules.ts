// Rules of a queue that look at the consumer groups reading it: preemptive-resume priority.
import { formatPath } from './problem.ts';
import { finite, items, orDefault, type Add, type Item } from './rawInput.ts';
import { isRecord, show } from './show.ts';

const OTHER_DISCIPLINES = ['fifo', 'lifo', 'random'];
const SERVABLE = 'handling "sync", fetch mode "push" and prefetch 1 in every consumer group reading the queue';

export function checkPreemption(input: Record<string, unknown>, add: Add): void {
  const consumers = items(input, 'consumers');
  for (const { item: queue, path } of items(input, 'queues')) {
    if (queue.preemptive !== true) continue;
    const discipline = orDefault(queue.discipline, 'fifo');
    if (typeof discipline === 'string' && OTHER_DISCIPLINES.includes(discipline)) {
      add([...path, 'preemptive'], `only with discipline "priority" (got discipline ${show(discipline)})`);
    }
    if (typeof queue.id !== 'string') continue;
    for (const consumer of consumers) {
      if (consumer.item.from !== queue.id) continue;
      const got = unfit(consumer);
      if (got.length === 0) continue;
      const who = `${formatPath(consumer.path)} ${show(consumer.item.id)}`;
      add([...path, 'preemptive'], `needs ${SERVABLE} (got ${who} with ${got.join(', ')})`);
    }
  }
}

/**
 * What keeps a consumer group from being preempted: each server must hold one pushed message.
 * Values of the wrong kind are left to the schema.
 */
function unfit({ item }: Item): string[] {
  const got: string[] = [];
  if (item.handling === 'async') got.push('handling "async"');
  if (isRecord(item.fetch) && item.fetch.mode === 'poll') got.push('fetch mode "poll"');
  if (isRecord(item.autoscale)) got.push('autoscale');
  const concurrency = orDefault(item.concurrency, 1);
  if (item.prefetch !== undefined) {
    if (finite(item.prefetch) && item.prefetch !== 1) got.push(`prefetch ${item.prefetch}`);
  } else if (finite(concurrency) && concurrency !== 1) {
    got.push(`prefetch ${concurrency} (the default: concurrency)`);
  }
  return got;
}

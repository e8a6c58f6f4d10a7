// The topology: producers -> queues -> consumers as a small diagram, with each queue's live
// depth and each consumer group's utilisation while running.
import { select } from 'd3-selection';
import type { Scenario } from '../../sim/scenario/types.ts';
import { NAMED, type Theme } from '../plots/palette.ts';
import type { LiveState } from '../worker/protocol.ts';
import { num } from '../views/common.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const BOX_W = 118;
const BOX_H = 40;

interface Node {
  key: string;
  label: string;
  sub: string;
  col: number;
  row: number;
  kind: 'producer' | 'queue' | 'consumer';
  index: number;
}

/** Characters of a bold id that fit a box (about 6.6 px each in 118 - 16 px). */
const LABEL_CHARS = 15;

/** An id shortened with an ellipsis to fit its box (the full id is the box's tooltip): a long id
 *  ran past the box, over the arrow, and off the diagram's edge. */
export function boxLabel(id: string): string {
  const chars = Array.from(id);
  return chars.length <= LABEL_CHARS ? id : `${chars.slice(0, LABEL_CHARS - 1).join('')}…`;
}

/** Means over the run (the summary's), shown once it has finished. */
export interface RunMeans {
  /** mean number waiting per queue id */
  waiting: Record<string, number | null>;
  /** mean utilisation per consumer group id */
  busy: Record<string, number | null>;
}

/** The second line of a queue's or a group's box and its meter (0..1): the live state while a run
 *  goes; after it, the run's means, since the last instant of the last replication (a single
 *  server idle at the horizon: "0% busy") says nothing about a run at 70% load. */
export function nodeValue(
  s: Scenario,
  kind: 'queue' | 'consumer',
  index: number,
  live: LiveState | null,
  means: RunMeans | null,
): { value: string; meter: number } {
  if (means && kind === 'queue') {
    const m = means.waiting[s.queues[index].id];
    const all = Object.values(means.waiting).map((v) => v ?? 0);
    return m === null || m === undefined ? { value: '', meter: 0 } : { value: `mean ${num(m)} waiting`, meter: m / Math.max(1e-12, ...all) };
  }
  if (means && kind === 'consumer') {
    const u = means.busy[s.consumers[index].id];
    return u === null || u === undefined ? { value: '', meter: 0 } : { value: `mean ${Math.round(u * 100)}% busy`, meter: u };
  }
  if (live && kind === 'queue') {
    const len = live.queueLength[index] ?? 0;
    return { value: `${len} waiting`, meter: len / Math.max(1, ...live.queueLength) };
  }
  if (live && kind === 'consumer') {
    const u = live.utilization[index] ?? 0;
    const servers = live.servers[index] ?? 0;
    const scaled = s.consumers[index]?.autoscale;
    return { value: `${scaled ? `${servers} server${servers === 1 ? '' : 's'}, ` : ''}${Math.round(u * 100)}% busy`, meter: u };
  }
  return { value: '', meter: 0 };
}

/** Everything in the diagram, positioned; cheap enough to rebuild on every update. */
export function renderTopology(s: Scenario, live: LiveState | null, width: number, theme: Theme, means: RunMeans | null = null): SVGSVGElement {
  const nodes: Node[] = [
    ...s.producers.map((p, i) => ({ key: `p:${p.id}`, label: p.id, sub: rateText(p), col: 0, row: i, kind: 'producer' as const, index: i })),
    ...s.queues.map((q, i) => ({ key: `q:${q.id}`, label: q.id, sub: q.capacity === null ? 'unbounded' : `capacity ${q.capacity}`, col: 1, row: i, kind: 'queue' as const, index: i })),
    ...s.consumers.map((c, i) => ({ key: `c:${c.id}`, label: c.id, sub: `${c.count} server${c.count > 1 ? 's' : ''}`, col: 2, row: i, kind: 'consumer' as const, index: i })),
  ];
  const rows = Math.max(1, ...nodes.map((n) => n.row + 1));
  const height = 24 + rows * (BOX_H + 22);
  const colX = (c: number) => 10 + ((width - BOX_W - 20) * c) / 2;
  const rowY = (col: number, r: number) => {
    const inCol = nodes.filter((n) => n.col === col).length;
    const top = (height - inCol * (BOX_H + 22) + 22) / 2;
    return top + r * (BOX_H + 22);
  };
  const pos = new Map(nodes.map((n) => [n.key, { x: colX(n.col), y: rowY(n.col, n.row) }]));
  const svg = select(document.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', 'Topology: producers, queues and consumers')
    .attr('font-family', 'system-ui, sans-serif')
    .attr('font-size', 11);
  const defs = svg.append('defs');
  defs
    .append('marker')
    .attr('id', 'arrow')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0L10,5L0,10z')
    .attr('fill', theme.muted);

  const edges: { from: string; to: string; label?: string; back?: boolean }[] = [];
  for (const p of s.producers) for (const q of p.to) edges.push({ from: `p:${p.id}`, to: `q:${q}` });
  for (const c of s.consumers) {
    edges.push({ from: `q:${c.from}`, to: `c:${c.id}` });
    for (const r of c.then) edges.push({ from: `c:${c.id}`, to: `q:${r.to}`, label: r.p < 1 ? `p=${r.p}` : undefined, back: true });
  }
  const edgeLayer = svg.append('g');
  for (const e of edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    let d: string;
    if (e.back) {
      const x1 = a.x + BOX_W / 2;
      const y1 = a.y + BOX_H;
      const x2 = b.x + BOX_W / 2;
      const y2 = b.y + BOX_H;
      const dip = Math.max(y1, y2) + 18;
      d = `M${x1},${y1} C${x1},${dip} ${x2},${dip} ${x2},${y2 + 2}`;
    } else {
      const x1 = a.x + BOX_W;
      const y1 = a.y + BOX_H / 2;
      const x2 = b.x - 2;
      const y2 = b.y + BOX_H / 2;
      const mx = (x1 + x2) / 2;
      d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
    }
    edgeLayer.append('path').attr('d', d).attr('fill', 'none').attr('stroke', theme.muted).attr('stroke-width', 1.25).attr('marker-end', 'url(#arrow)');
    if (e.label) edgeLayer.append('text').attr('x', (a.x + b.x + BOX_W) / 2).attr('y', Math.max(a.y, b.y) + BOX_H + 16).attr('text-anchor', 'middle').attr('fill', theme.muted).attr('font-size', 10).text(e.label);
  }
  for (const n of nodes) {
    const { x, y } = pos.get(n.key)!;
    const g = svg.append('g').attr('transform', `translate(${x},${y})`).attr('data-node', n.key);
    const colour = n.kind === 'producer' ? NAMED.P : n.kind === 'queue' ? NAMED.Q : NAMED.H;
    g.append('rect').attr('width', BOX_W).attr('height', BOX_H).attr('rx', n.kind === 'queue' ? 2 : 8).attr('fill', theme.bg).attr('stroke', colour).attr('stroke-width', 1.5);
    const { value, meter } = n.kind === 'producer' ? { value: '', meter: 0 } : nodeValue(s, n.kind, n.index, live, means);
    if (meter > 0) g.append('rect').attr('x', 2).attr('y', BOX_H - 7).attr('width', (BOX_W - 4) * Math.min(1, meter)).attr('height', 5).attr('fill', colour).attr('fill-opacity', 0.7);
    const name = boxLabel(n.label);
    if (name !== n.label) g.append('title').text(n.label);
    g.append('text').attr('x', 8).attr('y', 15).attr('fill', theme.fg).attr('font-weight', 600).text(name);
    g.append('text').attr('x', 8).attr('y', 29).attr('fill', theme.muted).attr('font-size', 10).text(value || n.sub).attr('data-live', value ? '' : null);
  }
  return svg.node()!;
}

function rateText(p: Scenario['producers'][number]): string {
  if (p.rate) return `λ(t) from ${p.rate.x0}/s`;
  const d = p.interarrival;
  if (d?.dist === 'exponential') return `Poisson ${d.rate}/s`;
  return d ? `${d.dist} gaps` : '';
}

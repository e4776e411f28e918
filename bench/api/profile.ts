/**
 * Where the server's CPU goes during a measurement: a V8 CPU profile summarised as self time
 * per package (graphql, @apollo/server, type-graphql, typeorm, pg …, the server's own code,
 * Node's internals, garbage collection, idle) and the functions with the most self time.
 */
import type { Cell } from '../coverage/measure';
import type { CpuProfile } from './server-probe';

export interface ProfileSummary {
  /** wall time covered by the profile, ms */
  totalMs: number;
  /** wall time not idle, ms */
  busyMs: number;
  byPackage: { name: string; ms: number }[];
  topFunctions: { name: string; where: string; ms: number }[];
}

export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  let totalUs = 0;
  let idleUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    totalUs += us;
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)') idleUs += us;
    const pkg = packageOf(functionName, url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const name = functionName || '(anonymous)';
    const key = `${name}@${url}`;
    const f = byFunction.get(key) ?? { name, where: pkg, us: 0 };
    f.us += us;
    byFunction.set(key, f);
  }
  return {
    totalMs: totalUs / 1000,
    busyMs: (totalUs - idleUs) / 1000,
    byPackage: [...byPackage]
      .map(([name, us]) => ({ name, ms: us / 1000 }))
      .sort((a, b) => b.ms - a.ms),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, 15)
      .map((f) => ({ name: f.name, where: f.where, ms: f.us / 1000 })),
  };
}

/** The package a frame belongs to: node_modules/<pkg>, the server's own dist, Node, or V8. */
function packageOf(functionName: string, url: string): string {
  if (!url) {
    if (functionName.startsWith('(')) return functionName; // (idle), (garbage collector), (program)
    return 'V8 builtins (JSON, RegExp, …)';
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) {
    const path = url.slice('node:'.length).replace(/^internal\//, '');
    return `node:${path.split('/')[0].replace(/\.js$/, '')}`;
  }
  if (url.includes('/server/dist/')) return 'gridwarden server';
  if (url.includes('/db/dist/')) return '@gridwarden/db';
  if (url.includes('/bench/')) return 'benchmark probe';
  return url;
}

/** Table rows: each package's share of the busy time, the idle share last. */
export function profileRows(summary: ProfileSummary, requests: number): Cell[][] {
  return summary.byPackage
    .filter((p) => p.name !== '(idle)' && p.ms >= summary.busyMs * 0.005)
    .map((p) => [
      p.name,
      p.ms.toFixed(0),
      `${((100 * p.ms) / summary.busyMs).toFixed(1)} %`,
      `${((1000 * p.ms) / requests).toFixed(0)} µs`,
    ]);
}

/**
 * Where the server's CPU goes during a measurement: a V8 CPU profile summarised as self time
 * per package (graphql, @apollo/server, type-graphql, typeorm, pg …, the server's own code,
 * Node's internals, garbage collection, idle) and the functions with the most self time.
 */
import type { Cell } from '../coverage/measure';
import type { CpuProfile } from './server-probe';

export interface ProfileSummary {
  /** wall time covered by the profiles, ms (summed over the workers) */
  totalMs: number;
  /** wall time not idle, ms */
  busyMs: number;
  /** busy time less socket writes and the profiler: the server's work, ms */
  workMs: number;
  byPackage: { name: string; ms: number }[];
  topFunctions: { name: string; where: string; ms: number }[];
}

/** The profiles of all the server's worker processes, summed. */
export function summariseProfile(profiles: CpuProfile[]): ProfileSummary {
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  let totalUs = 0;
  let idleUs = 0;
  for (const profile of profiles) {
    const selfUs = new Map<number, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i];
      selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
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
  }
  const notWorkUs = (byPackage.get(SOCKET_WRITE_LABEL) ?? 0) + (byPackage.get(PROFILER_LABEL) ?? 0);
  return {
    totalMs: totalUs / 1000,
    busyMs: (totalUs - idleUs) / 1000,
    workMs: (totalUs - idleUs - notWorkUs) / 1000,
    byPackage: [...byPackage]
      .map(([name, us]) => ({ name, ms: us / 1000 }))
      .sort((a, b) => b.ms - a.ms),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, 15)
      .map((f) => ({ name: f.name, where: f.where, ms: f.us / 1000 })),
  };
}

/**
 * Native socket writes: the profiler samples wall time, and on a busy machine the kernel
 * often hands the CPU to the receiving process (PostgreSQL, the load generator) inside the
 * write, so these frames collect time the server spent descheduled, not working.
 */
const SOCKET_WRITES = new Set([
  'writev',
  'writeBuffer',
  'writeUtf8String',
  'writeLatin1String',
  'writeAsciiString',
]);
export const SOCKET_WRITE_LABEL = 'socket writes (incl. time preempted)';
/** The inspector session's own calls (starting and stopping the profile). */
export const PROFILER_LABEL = '(profiler)';

/** The package a frame belongs to: node_modules/<pkg>, the server's own dist, Node, or V8. */
function packageOf(functionName: string, url: string): string {
  if (!url) {
    if (functionName.startsWith('(')) return functionName; // (idle), (garbage collector), (program)
    if (SOCKET_WRITES.has(functionName)) return SOCKET_WRITE_LABEL;
    if (functionName === 'dispatch') return PROFILER_LABEL;
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

/** Table rows: each package's share of the server's work (socket writes and the profiler apart). */
export function profileRows(summary: ProfileSummary, requests: number): Cell[][] {
  const apart = new Set(['(idle)', SOCKET_WRITE_LABEL, PROFILER_LABEL]);
  const row = (name: string, ms: number, share: string | null): Cell[] => [
    name,
    ms.toFixed(0),
    share,
    `${((1000 * ms) / requests).toFixed(0)} µs`,
  ];
  return [
    ...summary.byPackage
      .filter((p) => !apart.has(p.name) && p.ms >= summary.workMs * 0.005)
      .map((p) => row(p.name, p.ms, `${((100 * p.ms) / summary.workMs).toFixed(1)} %`)),
    ...summary.byPackage
      .filter((p) => p.name === SOCKET_WRITE_LABEL)
      .map((p) => row(p.name, p.ms, null)),
  ];
}

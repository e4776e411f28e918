/**
 * CPU time of the processes taking part in a measurement, read from /proc (Linux): the load
 * generator (this process), the server under test (a child) and the PostgreSQL backends
 * serving the benchmark's database. On a small machine they share the cores, so CPU per
 * request tells where a request's cost lies better than any single latency does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/** Linux's USER_HZ: /proc times are in 1/100 s on every common configuration. */
const TICKS_PER_SECOND = 100;

export interface CpuSplit {
  /** ms of CPU over the measurement */
  generator: number;
  server: number | null;
  database: number;
}

export interface CpuProbe {
  stop(): Promise<CpuSplit>;
}

/** Starts counting; `serverPid` null when there is no server process (the raw-SQL baseline). */
export async function startCpuProbe(
  pool: Pool,
  database: string,
  serverPid: number | null,
): Promise<CpuProbe> {
  const generator = process.cpuUsage();
  const server = serverPid == null ? null : processCpuMs(serverPid);
  const backends = await backendCpu(pool, database);
  return {
    async stop() {
      const used = process.cpuUsage(generator);
      const after = await backendCpu(pool, database);
      let db = 0;
      for (const [pid, ms] of after) db += ms - (backends.get(pid) ?? 0);
      return {
        generator: (used.user + used.system) / 1000,
        server: serverPid == null || server == null ? null : processCpuMs(serverPid) - server,
        database: db,
      };
    },
  };
}

/** user + system CPU of a process and its children (a server's worker processes), ms. */
function processCpuMs(pid: number): number {
  let ms = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    // fields[1] is the parent pid (field 4 of proc(5))
    if (fields && (Number(entry) === pid || Number(fields[1]) === pid)) {
      // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5))
      ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    }
  }
  return ms;
}

/** The fields of /proc/<pid>/stat after the command name, or null if the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces; the fields after it are fixed
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU of every backend connected to `database` (the servers' pools and the baseline's). */
async function backendCpu(pool: Pool, database: string): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`,
    [database],
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      cpu.set(pid, processCpuMs(pid));
    } catch {
      // a backend that has gone since the query
    }
  }
  return cpu;
}

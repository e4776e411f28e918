/**
 * Several HTTP worker processes behind one port (node:cluster, WORKERS > 1): the primary
 * prepares the database once (main.ts), then forks workers that run the same entry point and
 * serve HTTP, each with its own event loop and connection pool, so a request's GraphQL and
 * JSON work no longer waits for one core. The primary:
 *  - says once when every worker listens, with the port they share;
 *  - replaces a worker that crashes, and gives up (exit 1) when one fails during start-up or
 *    they keep crashing;
 *  - stops them all on SIGTERM/SIGINT, and exits when the last one has.
 * A worker that stops with status 0 was asked to (a signal to it or its process group), so it
 * is not replaced.
 */
import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../config/logger';

/** Crashes within RESTART_WINDOW_MS, per worker slot, after which the primary gives up. */
const MAX_RESTARTS_PER_WORKER = 3;
const RESTART_WINDOW_MS = 60_000;
/** How long workers get to finish their requests before they are killed. */
const STOP_GRACE_MS = 10_000;

export interface WorkerPoolOptions {
  count: number;
  log: Logger;
  /** Called once, when all `count` workers listen: the port they share. */
  onReady(port: number): void;
  /** Called once, when the pool is down for good: 0 after stop(), 1 after a failure. */
  onExit(status: number): void;
}

export interface WorkerPool {
  /** Asks every worker to stop (SIGTERM), kills the ones still running after a grace period. */
  stop(reason: string): void;
}

export function startWorkers(options: WorkerPoolOptions): WorkerPool {
  const { count, log } = options;
  const listening = new Set<number>();
  const crashes: number[] = [];
  let ready = false;
  let stopping = false;
  let status = 0;

  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);

  const stop = (reason: string, exitStatus = 0) => {
    if (stopping) return;
    stopping = true;
    status = exitStatus;
    log.info(`${reason}: stopping ${alive().length} worker process(es)`);
    for (const worker of alive()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of alive()) worker.process.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
    if (alive().length === 0) options.onExit(status);
  };

  cluster.on('listening', (worker: Worker, address: AddressInfo) => {
    listening.add(worker.id);
    if (!ready && listening.size >= count) {
      ready = true;
      options.onReady(address.port);
    }
  });

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const how = signal ? `signal ${signal}` : `status ${code}`;
    const startedUp = listening.delete(worker.id);
    if (stopping) {
      if (alive().length === 0) options.onExit(status);
      return;
    }
    if (code === 0) {
      log.info(`worker ${worker.id} (pid ${worker.process.pid}) stopped`);
      if (alive().length === 0) options.onExit(0);
      return;
    }
    if (!startedUp) {
      log.error(`worker ${worker.id} (pid ${worker.process.pid}) failed to start (${how})`);
      return stop('a worker could not start', 1);
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && crashes[0] < now - RESTART_WINDOW_MS) crashes.shift();
    if (crashes.length > MAX_RESTARTS_PER_WORKER * count) {
      log.error(`${crashes.length} worker crashes within ${RESTART_WINDOW_MS / 1000} s`);
      return stop('workers keep crashing', 1);
    }
    log.warn(`worker ${worker.id} (pid ${worker.process.pid}) exited (${how}); starting another`);
    cluster.fork();
  });

  for (let i = 0; i < count; i++) cluster.fork();
  return { stop: (reason) => stop(reason) };
}

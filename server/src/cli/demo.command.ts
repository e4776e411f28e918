/**
 * `gridwarden demo`: generates the deterministic demo county (or province) and loads it,
 * printing progress; optionally writes the manifest of planted defects.
 */
import { writeFileSync } from 'node:fs';
import {
  generateDemo,
  loadDemo,
  type Database,
  type DemoManifest,
  type DemoPreset,
} from '@gridwarden/db';
import { hashApiKey } from '../auth/api-key';
import { hashPassword } from '../auth/password';
import type { Logger } from '../config/logger';
import { checkDemoChunk } from './demo.validation';

export interface DemoCommandOptions {
  preset: DemoPreset;
  seed: number;
  defects: number;
  manifest?: string;
  replace?: boolean;
}

export async function runDemo(
  db: Database,
  options: DemoCommandOptions,
  log: Logger,
): Promise<DemoManifest> {
  const started = Date.now();
  log.info(
    `loading the ${options.preset} demo (seed ${options.seed}, ${options.defects} planted defects of each kind) into the ${db.mode} database …`,
  );
  const generation = generateDemo({
    preset: options.preset,
    seed: options.seed,
    defects: options.defects,
  });
  let lastReport = 0;
  const manifest = await loadDemo(db, generation, {
    replace: options.replace,
    checkChunk: checkDemoChunk,
    users: {
      hasher: { hashPassword, hashApiKey },
      onCreated: (users) => {
        log.info('demo accounts (published passwords: change them before real use):');
        for (const u of users) {
          const key = u.apiKey ? `, API key ${u.apiKey}` : '';
          log.info(
            `  ${u.role.padEnd(10)} ${u.username} / ${u.password}  scope ${u.scopeGridCode}${key}`,
          );
        }
      },
    },
    onProgress: (p) => {
      const now = Date.now();
      if (p.phase === 'chunk' && now - lastReport < 2000) return;
      lastReport = now;
      const seconds = ((now - started) / 1000).toFixed(1);
      log.info(
        `demo ${p.phase}: ${p.grids} grids, ${p.people} people, ${p.enterprises} enterprises (${seconds} s)`,
      );
    },
  });
  if (options.manifest) {
    writeFileSync(options.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    log.info(
      `wrote the manifest of ${manifest.planted.length} planted defects to ${options.manifest}`,
    );
  }
  log.info(`demo loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return manifest;
}

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedInUseError, startEmbedded } from './embedded';

describe('startEmbedded', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gridwarden-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a data directory another running process holds, naming it', async () => {
    // the parent process (jest's runner) stands in for a running server
    writeFileSync(join(dir, 'gridwarden.lock'), String(process.ppid));
    await expect(startEmbedded(dir)).rejects.toThrow(EmbeddedInUseError);
    await expect(startEmbedded(dir)).rejects.toThrow(`is in use by process ${process.ppid}`);
  });

  it('takes over a lock left by a process that no longer runs, and releases it on stop', async () => {
    writeFileSync(join(dir, 'gridwarden.lock'), '999999999');
    const server = await startEmbedded(dir);
    expect(readFileSync(join(dir, 'gridwarden.lock'), 'utf8')).toBe(String(process.pid));
    await server.stop();
    expect(existsSync(join(dir, 'gridwarden.lock'))).toBe(false);
  });
});

import { availableParallelism } from 'node:os';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('defaults to the embedded database on port 4000 with a demo on an empty database', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(4000);
    expect(env.DEMO_ON_EMPTY).toBe(true);
    expect(env.DATA_DIR).toMatch(/\.data$/);
  });

  it('runs one worker process unless told otherwise; several only with DATABASE_URL', () => {
    const pg = { DATABASE_URL: 'postgres://u:p@localhost/db' };
    expect(parseEnv({}).WORKERS).toBe(1);
    expect(parseEnv({ ...pg, WORKERS: '3' }).WORKERS).toBe(3);
    expect(parseEnv({ ...pg, WORKERS: 'auto' }).WORKERS).toBe(availableParallelism());
    expect(() => parseEnv({ ...pg, WORKERS: '0' })).toThrow(
      /WORKERS: must be at least 1 \(got "0"\)/,
    );
    expect(() => parseEnv({ ...pg, WORKERS: 'many' })).toThrow(
      /WORKERS: must be auto or a whole number from 1 to 64 \(got "many"\)/,
    );
    expect(() => parseEnv({ WORKERS: '2' })).toThrow(
      /WORKERS: 2 worker processes need DATABASE_URL; the embedded database lives inside a single process/,
    );
    expect(parseEnv({ WORKERS: '1' }).WORKERS).toBe(1);
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names the variable and the value when a setting is wrong', () => {
    const run = () => parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(run).toThrow(/PORT: must be a whole number from 0 to 65535 \(got "eighty"\)/);
    expect(run).toThrow(
      /DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\/ \(got "mysql:\/\/x"\)/,
    );
  });

  it('refuses a short JWT_SECRET without echoing it', () => {
    const run = () => parseEnv({ JWT_SECRET: 'tooshort-secret' });
    expect(run).toThrow(/JWT_SECRET: must be at least 32 characters .*\(got 15 characters\)/);
    expect(run).not.toThrow(/tooshort-secret/);
    expect(parseEnv({ JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(32);
    expect(parseEnv({}).JWT_TTL_HOURS).toBe(12);
    expect(() => parseEnv({ JWT_TTL_HOURS: '0' })).toThrow(/JWT_TTL_HOURS: must be at least 1/);
    expect(parseEnv({}).AUTH_CACHE_SECONDS).toBe(5);
    expect(parseEnv({ AUTH_CACHE_SECONDS: '0' }).AUTH_CACHE_SECONDS).toBe(0);
    expect(() => parseEnv({ AUTH_CACHE_SECONDS: '301' })).toThrow(
      /AUTH_CACHE_SECONDS: must be at most 300/,
    );
  });

  it('takes a Tianditu key of letters and digits, and none when empty', () => {
    expect(parseEnv({ TIANDITU_KEY: ' 0123abcDEF ' }).TIANDITU_KEY).toBe('0123abcDEF');
    expect(parseEnv({ TIANDITU_KEY: '' }).TIANDITU_KEY).toBeUndefined();
    expect(() => parseEnv({ TIANDITU_KEY: 'a b&c' })).toThrow(
      /TIANDITU_KEY: must be letters and digits only/,
    );
  });
});

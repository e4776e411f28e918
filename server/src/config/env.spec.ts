import { parseEnv } from './env';

describe('parseEnv', () => {
  it('defaults to the embedded database on port 4000 with a demo on an empty database', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(4000);
    expect(env.DEMO_ON_EMPTY).toBe(true);
    expect(env.DATA_DIR).toMatch(/\.data$/);
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
});

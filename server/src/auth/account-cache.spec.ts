import { AccountCache } from './account-cache';
import type { UserRecord } from './auth.repository';

const user = (id: string): UserRecord => ({
  id,
  username: `u${id}`,
  passwordHash: 'x',
  role: 'OFFICER',
  scopeGridId: '1',
  personId: null,
  hasApiKey: false,
  disabled: false,
  createdAt: new Date(0),
});

/** A lookup that counts its calls and answers from a table the test can change. */
function accounts(table: Record<string, UserRecord | null>) {
  const calls: string[] = [];
  return {
    calls,
    table,
    lookup: (id: string) => async () => {
      calls.push(id);
      return table[id] ?? null;
    },
  };
}

describe('AccountCache', () => {
  it('looks an account up once per ttl, then again once the ttl has passed', async () => {
    let now = 1_000;
    const cache = new AccountCache(5, 100, () => now);
    const db = accounts({ '7': user('7') });
    expect(await cache.remember('user:7', db.lookup('7'))).toMatchObject({ id: '7' });
    now += 4_999;
    db.table['7'] = { ...user('7'), disabled: true };
    expect(await cache.remember('user:7', db.lookup('7'))).toMatchObject({ disabled: false });
    expect(db.calls).toEqual(['7']);
    now += 1;
    expect(await cache.remember('user:7', db.lookup('7'))).toMatchObject({ disabled: true });
    expect(db.calls).toEqual(['7', '7']);
  });

  it('with ttl 0 looks up every time and keeps nothing', async () => {
    const cache = new AccountCache(0);
    const db = accounts({ '7': user('7') });
    await cache.remember('user:7', db.lookup('7'));
    await cache.remember('user:7', db.lookup('7'));
    expect(db.calls).toEqual(['7', '7']);
    expect(cache.size).toBe(0);
  });

  it('does not remember unknown credentials, so an account made a moment later works at once', async () => {
    const cache = new AccountCache(60);
    const db = accounts({});
    expect(await cache.remember('key:abc', db.lookup('9'))).toBeNull();
    db.table['9'] = user('9');
    expect(await cache.remember('key:abc', db.lookup('9'))).toMatchObject({ id: '9' });
    expect(db.calls).toEqual(['9', '9']);
  });

  it('forgets every credential of one account and only those', async () => {
    const cache = new AccountCache(60);
    const db = accounts({ '1': user('1'), '2': user('2') });
    await cache.remember('user:1', db.lookup('1'));
    await cache.remember('key:k1', db.lookup('1'));
    await cache.remember('user:2', db.lookup('2'));
    cache.forgetUser('1');
    expect(cache.size).toBe(1);
    await cache.remember('user:1', db.lookup('1'));
    await cache.remember('user:2', db.lookup('2'));
    expect(db.calls).toEqual(['1', '1', '2', '1']);
  });

  it('stays within its size, dropping expired entries first and then the oldest', async () => {
    let now = 0;
    const cache = new AccountCache(10, 10, () => now);
    const db = accounts(
      Object.fromEntries([...Array(30).keys()].map((i) => [`${i}`, user(`${i}`)])),
    );
    for (let i = 0; i < 10; i++) await cache.remember(`user:${i}`, db.lookup(`${i}`));
    now = 20_000; // all ten expired
    await cache.remember('user:10', db.lookup('10'));
    expect(cache.size).toBe(1);
    for (let i = 11; i < 30; i++) await cache.remember(`user:${i}`, db.lookup(`${i}`));
    expect(cache.size).toBeLessThanOrEqual(10);
    // the newest is still remembered, the oldest live one was dropped
    const before = db.calls.length;
    await cache.remember('user:29', db.lookup('29'));
    expect(db.calls.length).toBe(before);
    await cache.remember('user:10', db.lookup('10'));
    expect(db.calls.length).toBe(before + 1);
  });
});

/**
 * A short-lived memory of the accounts behind recently seen credentials, so a burst of
 * requests (a map asks for 20–30 tiles at once; an integrator pages through a list) looks the
 * account up once instead of once per request.
 *
 * The price is a revocation delay: an account disabled, re-scoped or deleted by another
 * process (the `gridwarden` CLI, SQL, a second server) keeps its old access for at most
 * `ttlSeconds` (AUTH_CACHE_SECONDS). Changes this process makes itself (a rotated API key)
 * forget the account at once. A token's own expiry and signature are still checked on every
 * request; only the database lookup is spared. `ttlSeconds` 0 turns the cache off.
 */
import type { UserRecord } from './auth.repository';

interface Entry {
  user: UserRecord;
  until: number;
}

export class AccountCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;

  constructor(
    ttlSeconds: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.ttlMs = Math.max(0, ttlSeconds) * 1000;
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The account for `key` (a user id or an API key's hash), looked up at most once per ttl. */
  async remember(
    key: string,
    lookup: () => Promise<UserRecord | null>,
  ): Promise<UserRecord | null> {
    if (!this.enabled) return lookup();
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit && hit.until > now) return hit.user;
    if (hit) this.entries.delete(key);
    const user = await lookup();
    // an unknown credential is not remembered: junk keys must not fill the memory, and an
    // account created a moment later must work at once
    if (user) {
      if (this.entries.size >= this.maxEntries) this.dropOldest();
      this.entries.set(key, { user, until: now + this.ttlMs });
    }
    return user;
  }

  /** Forget every credential of this account (its API key was rotated, say). */
  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.user.id === userId) this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private dropOldest(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.until <= now) this.entries.delete(key);
    }
    // still full of live entries: drop the oldest tenth (a Map iterates in insertion order)
    let excess = this.entries.size - Math.floor(this.maxEntries * 0.9);
    for (const key of this.entries.keys()) {
      if (excess-- <= 0) break;
      this.entries.delete(key);
    }
  }
}

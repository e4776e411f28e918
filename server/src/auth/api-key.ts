/**
 * Integrator API keys: 32 random bytes, shown once when issued, stored as SHA-256. A fast
 * hash is enough for a key with 256 bits of entropy, and it lets the database find the
 * user by the hash through a unique index.
 */
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'gwk_';

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

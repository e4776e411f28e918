/** Accounts for tests, written through the real repository with real password hashes. */
import type { Database } from '@gridwarden/db';
import { AuthRepository, type UserRecord } from '../../src/auth/auth.repository';
import { hashPassword } from '../../src/auth/password';
import type { Role } from '../../src/auth/viewer';

export async function createTestUser(
  db: Database,
  user: { username: string; password: string; role: Role; scopeGridId: string; personId?: string },
): Promise<UserRecord> {
  return new AuthRepository(db.dataSource).insert({
    username: user.username,
    passwordHash: await hashPassword(user.password),
    role: user.role,
    scopeGridId: user.scopeGridId,
    personId: user.personId ?? null,
  });
}

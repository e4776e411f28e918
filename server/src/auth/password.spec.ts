import { hashPassword, verifyPassword } from './password';

describe('password hashes', () => {
  it('are salted scrypt hashes that verify the right password only', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword('correct horse battery', a)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery', b)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', a)).resolves.toBe(false);
    await expect(verifyPassword('', a)).resolves.toBe(false);
  });

  it('treat a composed and a decomposed accent as the same password', async () => {
    const hash = await hashPassword('caf\u00e9-password');
    await expect(verifyPassword('cafe\u0301-password', hash)).resolves.toBe(true);
  });

  it('never verify against a malformed or foreign stored value', async () => {
    for (const stored of ['', '!', 'plain-text', 'bcrypt$2b$10$abc', 'scrypt$0$8$1$AAAA$AAAA']) {
      await expect(verifyPassword('plain-text', stored)).resolves.toBe(false);
    }
  });
});

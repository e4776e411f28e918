import { signToken, TokenError, verifyToken } from './jwt';

const SECRET = 'x'.repeat(32);
const NOW = Date.UTC(2026, 5, 1);

describe('HS256 tokens', () => {
  it('carry the subject and expire after their lifetime, to the second', () => {
    const token = signToken('42', SECRET, 3600, NOW);
    expect(verifyToken(token, SECRET, NOW + 3599_000)).toEqual({
      sub: '42',
      iat: NOW / 1000,
      exp: NOW / 1000 + 3600,
    });
    expect(() => verifyToken(token, SECRET, NOW + 3600_000)).toThrow(
      new TokenError('the token expired at 2026-06-01T01:00:00.000Z; log in again'),
    );
  });

  it('refuse another key, a changed payload and another algorithm', () => {
    const token = signToken('42', SECRET, 3600, NOW);
    expect(() => verifyToken(token, 'y'.repeat(32), NOW)).toThrow(/signature is invalid/);
    const [h, , s] = token.split('.');
    const admin = Buffer.from(JSON.stringify({ sub: '1', iat: 0, exp: 9e9 })).toString('base64url');
    expect(() => verifyToken(`${h}.${admin}.${s}`, SECRET, NOW)).toThrow(/signature is invalid/);
    const hs512 = Buffer.from('{"alg":"HS512","typ":"JWT"}').toString('base64url');
    expect(() => verifyToken(`${hs512}.${admin}.${s}`, SECRET, NOW)).toThrow(
      'the token must be signed with HS256; it names "HS512"',
    );
    expect(() => verifyToken('a.b', SECRET, NOW)).toThrow(/not a JWT/);
  });
});

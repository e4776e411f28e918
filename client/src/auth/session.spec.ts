import { describe, expect, it } from '@jest/globals';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import {
  endSession,
  isUnauthenticated,
  onSessionEnd,
  startSession,
  storedToken,
  tokenExpiry,
  TOKEN_KEY,
  type TokenStore,
} from './session';

function memoryStore(): TokenStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A token shaped like the server's (the signature is not checked by the client). */
const jwt = (exp: number) =>
  `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify({ sub: '1', iat: 0, exp })).toString('base64url')}.c2ln`;

describe('session', () => {
  it('reads the expiry of a JWT and nothing from garbage', () => {
    expect(tokenExpiry(jwt(1_900_000_000))).toBe(1_900_000_000);
    expect(tokenExpiry('not-a-token')).toBeNull();
    expect(tokenExpiry('a.!!!.c')).toBeNull();
  });

  it('keeps the token under gridwarden.token and drops it once expired', () => {
    const store = memoryStore();
    startSession(store, jwt(2000));
    expect(store.items.get(TOKEN_KEY)).toBe(jwt(2000));
    expect(storedToken(store, 1_999_000)).toBe(jwt(2000));
    expect(storedToken(store, 2_000_000)).toBeNull();
    expect(store.items.has(TOKEN_KEY)).toBe(false);
  });

  it('tells listeners when the session ends', () => {
    const store = memoryStore();
    startSession(store, jwt(2000));
    let ended = 0;
    const stop = onSessionEnd(() => ended++);
    endSession(store);
    stop();
    endSession(store);
    expect(ended).toBe(1);
    expect(store.items.has(TOKEN_KEY)).toBe(false);
  });

  it('recognises UNAUTHENTICATED in a GraphQL body and an HTTP 401', () => {
    const graphqlError = new CombinedGraphQLErrors({}, [
      { message: 'log in first', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    const forbidden = new CombinedGraphQLErrors({}, [
      { message: 'no', extensions: { code: 'FORBIDDEN' } },
    ]);
    const status = (code: number) =>
      new ServerError('refused', { response: new Response('', { status: code }), bodyText: '' });
    expect(isUnauthenticated(graphqlError)).toBe(true);
    expect(isUnauthenticated(forbidden)).toBe(false);
    expect(isUnauthenticated(status(401))).toBe(true);
    expect(isUnauthenticated(status(500))).toBe(false);
    expect(isUnauthenticated(new Error('network down'))).toBe(false);
  });
});

/**
 * The login session: the JWT from the login mutation, kept in localStorage under
 * `gridwarden.token` (vector tiles read the same key), and who to tell when it ends.
 */
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export const TOKEN_KEY = 'gridwarden.token';

/** Storage the session lives in; window.localStorage in the browser. */
export interface TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Seconds since the epoch at which a JWT expires, or null when it is not a readable JWT. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

/** The stored token if it has not expired yet (an expired one is removed). */
export function storedToken(store: TokenStore, now = Date.now()): string | null {
  const token = store.getItem(TOKEN_KEY);
  if (!token) return null;
  const exp = tokenExpiry(token);
  if (exp === null || exp * 1000 <= now) {
    store.removeItem(TOKEN_KEY);
    return null;
  }
  return token;
}

/** Whether an Apollo error means "log in (again)": UNAUTHENTICATED in the body, or HTTP 401. */
export function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  }
  return ServerError.is(error) && error.statusCode === 401;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Calls `listener` whenever the session ends (logout, or the server refused the token). */
export function onSessionEnd(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(store: TokenStore, token: string): void {
  store.setItem(TOKEN_KEY, token);
}

export function endSession(store: TokenStore): void {
  store.removeItem(TOKEN_KEY);
  for (const listener of listeners) listener();
}

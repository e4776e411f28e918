/**
 * Apollo links for the session: every request carries "Authorization: Bearer <token>", and
 * an UNAUTHENTICATED answer ends the session, which sends the user back to the login screen.
 */
import { ApolloLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { endSession, isUnauthenticated, storedToken, type TokenStore } from './session';

export function authLink(store: TokenStore): ApolloLink {
  const withToken = new SetContextLink((context) => {
    const token = storedToken(store);
    if (!token) return {};
    return { headers: { ...context.headers, authorization: `Bearer ${token}` } };
  });
  const onUnauthenticated = new ErrorLink(({ error, operation }) => {
    // a failed login is the login screen's own business
    if (operation.operationName !== 'Login' && isUnauthenticated(error)) endSession(store);
  });
  return ApolloLink.from([onUnauthenticated, withToken]);
}

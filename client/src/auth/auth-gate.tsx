import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ApolloClient } from '@apollo/client';
import { LoginPage } from './login.page';
import { endSession, onSessionEnd, startSession, storedToken, type TokenStore } from './session';

interface Props {
  apollo: ApolloClient;
  store: TokenStore;
  /** The app, given a logout function; shown only with a live session. */
  children(logout: () => void): ReactNode;
}

/** Shows the login screen until there is a session, and again when it ends. */
export function AuthGate({ apollo, store, children }: Props) {
  const [token, setToken] = useState(() => storedToken(store));

  useEffect(
    () =>
      onSessionEnd(() => {
        setToken(null);
        void apollo.clearStore();
      }),
    [apollo],
  );

  const logout = useCallback(() => endSession(store), [store]);

  if (!token) {
    return (
      <LoginPage
        apollo={apollo}
        onLoggedIn={(fresh) => {
          startSession(store, fresh);
          setToken(fresh);
        }}
      />
    );
  }
  return <>{children(logout)}</>;
}

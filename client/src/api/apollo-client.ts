import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { authLink } from '../auth/auth-link';
import type { TokenStore } from '../auth/session';
import { config } from '../config';

/** The one Apollo Client of the app, talking to the same-origin GraphQL endpoint as the logged-in user. */
export function createApolloClient(store: TokenStore): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([authLink(store), new HttpLink({ uri: config.graphqlUrl })]),
    cache: new InMemoryCache(),
  });
}

import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { config } from '../config';

/** The one Apollo Client of the app, talking to the same-origin GraphQL endpoint. */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: config.graphqlUrl }),
    cache: new InMemoryCache(),
  });
}

/**
 * Introspection (__schema, __type) is for logged-in users and integrators only: the schema
 * names every confidential field. Anonymous callers get UNAUTHENTICATED; `__typename` stays free.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import { UnauthenticatedError } from '../graphql/errors';
import type { Viewer } from './viewer';

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export function introspectionForViewersOnly<
  C extends { viewer: Viewer | null },
>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!contextValue.viewer && introspects(document)) {
            throw new UnauthenticatedError(
              'log in to read the schema: introspection needs "Authorization: Bearer <token>" or an API key',
              { http: { status: 401 } },
            );
          }
        },
      };
    },
  };
}

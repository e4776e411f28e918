import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver';
import { CoverageResolver } from '../coverage/coverage.resolver';
import { EnterpriseResolver } from '../enterprises/enterprise.resolver';
import { GridResolver } from '../grids/grid.resolver';

/** The GraphQL schema from the resolvers; `schema/schema.graphql` is its printed form. */
export function buildGridwardenSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [GridResolver, EnterpriseResolver, CoverageResolver, AuthResolver],
    // Inputs are checked by the services, which return reasons a user can act on.
    validate: false,
  });
}

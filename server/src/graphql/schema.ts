import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CoverageResolver } from '../coverage/coverage.resolver';
import { DepartmentResolver } from '../departments/department.resolver';
import { EnterpriseEditResolver } from '../enterprises/enterprise-edit.resolver';
import { EnterpriseResolver } from '../enterprises/enterprise.resolver';
import { GridEditResolver } from '../grids/grid-edit.resolver';
import { GridResolver } from '../grids/grid.resolver';
import { GridAssignmentResolver, PersonResolver } from '../people/person.resolver';

/** The GraphQL schema from the resolvers; `schema/schema.graphql` is its printed form. */
export function buildGridwardenSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      GridResolver,
      EnterpriseResolver,
      CoverageResolver,
      GridEditResolver,
      EnterpriseEditResolver,
      PersonResolver,
      GridAssignmentResolver,
      DepartmentResolver,
    ],
    // Inputs are checked by the services, which return reasons a user can act on.
    validate: false,
  });
}

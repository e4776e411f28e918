import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver';
import { CoverageResolver } from '../coverage/coverage.resolver';
import { DepartmentResolver } from '../departments/department.resolver';
import { EnterpriseEditResolver } from '../enterprises/enterprise-edit.resolver';
import { EnterpriseResolver } from '../enterprises/enterprise.resolver';
import { GridEditResolver } from '../grids/grid-edit.resolver';
import { GridResolver } from '../grids/grid.resolver';
import { GridVersionResolver, HistoryResolver } from '../history/history.resolver';
import { LocateResolver } from '../locate/locate.resolver';
import { GridAssignmentResolver, PersonResolver } from '../people/person.resolver';
import { ViolationResolver } from '../violations/violation.resolver';

/** The GraphQL schema from the resolvers; `schema/schema.graphql` is its printed form. */
export function buildGridwardenSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      GridResolver,
      EnterpriseResolver,
      CoverageResolver,
      LocateResolver,
      HistoryResolver,
      GridVersionResolver,
      ViolationResolver,
      PersonResolver,
      AuthResolver,
      GridAssignmentResolver,
      GridEditResolver,
      EnterpriseEditResolver,
      DepartmentResolver,
    ],
    // Inputs are checked by the services, which return reasons a user can act on.
    validate: false,
  });
}

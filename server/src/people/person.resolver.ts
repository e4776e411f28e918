import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { maskPhone } from '../auth/phone';
import { requireViewer } from '../auth/viewer';
import type { RequestContext } from '../graphql/context';
import { Grid } from '../grids/grid.types';
import { GridAssignment, Person } from './person.types';

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Masked (138****8000) for roles that may not see phone numbers',
  })
  phone(@Root() person: Person, @Ctx() ctx: RequestContext): string | null {
    return maskPhone(person.phone, ctx.viewer);
  }
}

@Resolver(() => GridAssignment)
export class GridAssignmentResolver {
  /** Reads carry the person already; others load it, batched. */
  @FieldResolver(() => Person, { nullable: true })
  person(
    @Root() assignment: GridAssignment & { person?: Person },
    @Ctx() ctx: RequestContext,
  ): Promise<Person | null> | Person {
    return assignment.person ?? ctx.loaders.person.load(assignment.personId);
  }

  @FieldResolver(() => Grid, {
    nullable: true,
    description: 'Null once the grid is deleted (see its history), or outside your scope',
  })
  grid(@Root() assignment: GridAssignment, @Ctx() ctx: RequestContext): Promise<Grid | null> {
    requireViewer(ctx.viewer);
    return ctx.loaders.grid.load(assignment.gridId);
  }
}

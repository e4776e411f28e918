import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { maskPhone } from '../auth/phone';
import { requireViewer } from '../auth/viewer';
import type { RequestContext } from '../graphql/context';
import { Grid } from '../grids/grid.types';
import {
  AssignmentRoleEnum,
  GridAssignment,
  Person,
  PersonInput,
  PersonPatch,
} from './person.types';

@Resolver(() => Person)
export class PersonResolver {
  @Mutation(() => Person, { description: 'A named person (SUPERVISOR, ADMIN)' })
  createPerson(@Arg('input') input: PersonInput, @Ctx() ctx: RequestContext): Promise<Person> {
    return ctx.people.createPerson(ctx.viewer, input);
  }

  @Mutation(() => Person, { description: 'Name or phone of a person (SUPERVISOR, ADMIN)' })
  updatePerson(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: PersonPatch,
    @Ctx() ctx: RequestContext,
  ): Promise<Person> {
    return ctx.people.updatePerson(ctx.viewer, id, input);
  }

  @Mutation(() => GridAssignment, {
    description: 'Puts a person on a grid in a role from `since` (default now)',
  })
  assignPerson(
    @Arg('gridId', () => ID) gridId: string,
    @Arg('personId', () => ID) personId: string,
    @Arg('role', () => AssignmentRoleEnum) role: AssignmentRoleEnum,
    @Arg('since', () => Date, { nullable: true }) since: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<GridAssignment> {
    return ctx.people.assignPerson(ctx.viewer, { gridId, personId, role, since });
  }

  @Mutation(() => GridAssignment, {
    description: 'Ends an assignment at `until` (default now); it is kept',
  })
  endAssignment(
    @Arg('id', () => ID) id: string,
    @Arg('until', () => Date, { nullable: true }) until: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<GridAssignment> {
    return ctx.people.endAssignment(ctx.viewer, { id, until });
  }

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

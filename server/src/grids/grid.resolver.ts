import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../auth/viewer';
import type { RequestContext } from '../graphql/context';
import { GridAssignment } from '../people/person.types';
import { RuleIdEnum, Violation } from '../violations/violation.types';
import type { RuleId } from '../coverage/coverage.types';
import type { MultiPolygon } from 'geojson';
import { GeoJSONScalar } from '../graphql/geojson.scalar';
import { NotFoundError } from '../graphql/errors';
import {
  Grid,
  GridConnection,
  GridLevel,
  GridLookupArgs,
  GridsArgs,
  type GridHead,
} from './grid.types';

@Resolver(() => Grid)
export class GridResolver {
  @Query(() => [GridLevel], { description: 'The levels of the hierarchy, top first' })
  gridLevels(@Ctx() ctx: RequestContext): Promise<GridLevel[]> {
    return ctx.grids.levels(ctx.viewer);
  }

  @Query(() => Grid, {
    nullable: true,
    description: 'One grid by id or by code; null when none is in your scope',
  })
  grid(@Args() args: GridLookupArgs, @Ctx() ctx: RequestContext): Promise<Grid | null> {
    return ctx.grids.find(args, ctx.viewer);
  }

  @Query(() => GridConnection, {
    description:
      'Current grids in your scope in id order, narrowed by any combination of the filters',
  })
  grids(@Args() args: GridsArgs, @Ctx() ctx: RequestContext): Promise<GridConnection> {
    return ctx.grids.list(args, ctx.viewer);
  }

  @FieldResolver(() => GeoJSONScalar, { description: 'MultiPolygon in WGS84' })
  boundary(
    @Root() grid: GridHead,
    @Ctx() ctx: RequestContext,
  ): MultiPolygon | Promise<MultiPolygon> {
    // read with the grid (lists): no promise per grid
    if (grid.boundary) return grid.boundary;
    // read without it (locate's chain): one batched, scoped statement for the grids asked
    return ctx.loaders.grid.load(grid.id).then((full) => {
      if (!full) throw new NotFoundError(`grid ${grid.id} (${grid.code}) no longer exists`);
      return full.boundary;
    });
  }

  @FieldResolver(() => Grid, {
    nullable: true,
    description: 'Null at the top or outside your scope',
  })
  parent(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<Grid | null> | null {
    return grid.parentId == null ? null : ctx.loaders.grid.load(grid.parentId);
  }

  @FieldResolver(() => Int, {
    description: 'Enterprises whose base grid lies in this grid or below it',
  })
  enterpriseCount(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<number> {
    requireViewer(ctx.viewer);
    return ctx.loaders.enterpriseCount.load(grid.id);
  }

  @FieldResolver(() => [GridAssignment], {
    description:
      'Its named people now (assignments in force), leaders first; phones masked by role',
  })
  people(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<GridAssignment[]> {
    requireViewer(ctx.viewer);
    return ctx.loaders.gridPeople.load(grid.id);
  }

  @FieldResolver(() => [Grid], { description: 'Its child grids inside your scope, by code' })
  children(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<Grid[]> {
    requireViewer(ctx.viewer);
    return ctx.loaders.gridChildren.load(grid.id);
  }

  @FieldResolver(() => [Violation], {
    description: 'Stored violations reported under or naming this grid, first ones by id',
  })
  violations(
    @Root() grid: Grid,
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most 100' }) first: number,
    @Arg('rules', () => [RuleIdEnum], { nullable: true }) rules: RuleId[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Violation[]> {
    requireViewer(ctx.viewer);
    ctx.violations.checkGridViolationsFirst(first);
    return ctx.loaders.gridViolations.load({ gridId: grid.id, first, rules: rules ?? null });
  }
}

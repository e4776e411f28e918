import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../auth/viewer';
import type { RequestContext } from '../graphql/context';
import { Grid, GridConnection, GridLevel, GridLookupArgs, GridsArgs } from './grid.types';

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
    description: 'Current grids in your scope, by level and/or parent, in id order',
  })
  grids(@Args() args: GridsArgs, @Ctx() ctx: RequestContext): Promise<GridConnection> {
    return ctx.grids.list(args, ctx.viewer);
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
}

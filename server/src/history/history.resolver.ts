import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../auth/viewer';
import type { RequestContext } from '../graphql/context';
import { Grid } from '../grids/grid.types';
import { GridHistory, GridVersion, Responsibility, ResponsibilityArgs } from './history.types';

@Resolver()
export class HistoryResolver {
  @Query(() => GridHistory, {
    nullable: true,
    description: 'Every version of a grid (current and past) and its assignment history',
  })
  gridHistory(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<GridHistory | null> {
    return ctx.history.gridHistory(requireViewer(ctx.viewer), id);
  }

  @Query(() => Responsibility, {
    nullable: true,
    description:
      '失职追责: the grids and named people answering for an enterprise at a moment (now by default)',
  })
  responsibility(
    @Args() args: ResponsibilityArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Responsibility | null> {
    return ctx.history.responsibility(
      requireViewer(ctx.viewer),
      args.enterpriseId,
      args.at ?? undefined,
    );
  }
}

@Resolver(() => GridVersion)
export class GridVersionResolver {
  @FieldResolver(() => Grid, {
    nullable: true,
    description: 'The parent this version had, as it is now (null if gone or outside your scope)',
  })
  parent(@Root() version: GridVersion, @Ctx() ctx: RequestContext): Promise<Grid | null> | null {
    requireViewer(ctx.viewer);
    return version.parentId == null ? null : ctx.loaders.grid.load(version.parentId);
  }
}

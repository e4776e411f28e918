import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import {
  CreateGridInput,
  DeleteGridInput,
  GridChangeInput,
  GridChangePreview,
  MergeGridsInput,
  SplitGridInput,
  UpdateGridBoundaryInput,
  UpdateGridLevelInput,
} from './grid-edit.types';
import { Grid, GridLevel } from './grid.types';

@Resolver()
export class GridEditResolver {
  @Mutation(() => Grid, { description: 'A new grid under a parent (PLANNER, ADMIN)' })
  createGrid(@Arg('input') input: CreateGridInput, @Ctx() ctx: RequestContext): Promise<Grid> {
    return ctx.gridEdits.createGrid(ctx.viewer, input);
  }

  @Mutation(() => Grid, { description: 'A new boundary, name or size exemption (PLANNER, ADMIN)' })
  updateGridBoundary(
    @Arg('input') input: UpdateGridBoundaryInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Grid> {
    return ctx.gridEdits.updateGridBoundary(ctx.viewer, input);
  }

  @Mutation(() => [Grid], {
    description:
      'Cuts a grid in two or more along a line; the largest piece keeps the grid (PLANNER, ADMIN)',
  })
  splitGrid(@Arg('input') input: SplitGridInput, @Ctx() ctx: RequestContext): Promise<Grid[]> {
    return ctx.gridEdits.splitGrid(ctx.viewer, input);
  }

  @Mutation(() => Grid, {
    description:
      'Joins sibling grids that touch into the first one; the others are deleted (PLANNER, ADMIN)',
  })
  mergeGrids(@Arg('input') input: MergeGridsInput, @Ctx() ctx: RequestContext): Promise<Grid> {
    return ctx.gridEdits.mergeGrids(ctx.viewer, input);
  }

  @Mutation(() => Grid, {
    description:
      'Deletes a grid without children or enterprises; answers the grid as it was (PLANNER, ADMIN)',
  })
  deleteGrid(@Arg('input') input: DeleteGridInput, @Ctx() ctx: RequestContext): Promise<Grid> {
    return ctx.gridEdits.deleteGrid(ctx.viewer, input);
  }

  @Query(() => GridChangePreview, {
    description:
      'Runs one grid edit in a transaction that is rolled back and reports what it would do; saves nothing',
  })
  previewGridChange(
    @Arg('input') input: GridChangeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<GridChangePreview> {
    return ctx.gridEdits.preview(ctx.viewer, input);
  }

  @Mutation(() => GridLevel, { description: 'Names and enterprise classes of a level (ADMIN)' })
  updateGridLevel(
    @Arg('input') input: UpdateGridLevelInput,
    @Ctx() ctx: RequestContext,
  ): Promise<GridLevel> {
    return ctx.gridLevelEdits.updateGridLevel(ctx.viewer, input);
  }
}

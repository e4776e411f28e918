import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../auth/viewer';
import type { RequestContext } from '../graphql/context';
import { LocateArgs, LocateResult } from './locate.types';

@Resolver()
export class LocateResolver {
  @Query(() => LocateResult, {
    description:
      'Who answers for a point: grids at every level with their people, responsible level and departments',
  })
  locate(@Args() args: LocateArgs, @Ctx() ctx: RequestContext): Promise<LocateResult> {
    return ctx.locate.locate(requireViewer(ctx.viewer), args);
  }
}

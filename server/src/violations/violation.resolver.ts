import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../auth/viewer';
import { Enterprise } from '../enterprises/enterprise.types';
import type { RequestContext } from '../graphql/context';
import { loadFound } from '../graphql/read-loaders';
import { Grid } from '../grids/grid.types';
import { LangEnum, Violation, ViolationConnection, ViolationsArgs } from './violation.types';

@Resolver(() => Violation)
export class ViolationResolver {
  @Query(() => ViolationConnection, {
    description:
      'Stored coverage violations inside your scope (or a grid of it), in id order, with counts per rule',
  })
  violations(
    @Args() args: ViolationsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ViolationConnection> {
    return ctx.violations.list(requireViewer(ctx.viewer), args);
  }

  @FieldResolver(() => String, { description: 'The message in the language asked for' })
  message(
    @Root() v: Violation,
    @Arg('lang', () => LangEnum, { defaultValue: LangEnum.ZH }) lang: LangEnum,
  ): string {
    return lang === LangEnum.EN ? v.messageEn : v.messageZh;
  }

  @FieldResolver(() => [Grid], { description: 'The grids involved, those inside your scope' })
  grids(@Root() v: Violation, @Ctx() ctx: RequestContext): Promise<Grid[]> {
    requireViewer(ctx.viewer);
    return loadFound(ctx.loaders.grid, v.gridIds);
  }

  @FieldResolver(() => [Enterprise], {
    description: 'The enterprises involved, those inside your scope',
  })
  enterprises(@Root() v: Violation, @Ctx() ctx: RequestContext): Promise<Enterprise[]> {
    requireViewer(ctx.viewer);
    return loadFound(ctx.loaders.enterprise, v.enterpriseIds);
  }
}

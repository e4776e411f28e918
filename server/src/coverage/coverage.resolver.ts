import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { CoverageReport } from './coverage-summary.types';

@Resolver()
export class CoverageResolver {
  @Query(() => CoverageReport, {
    nullable: true,
    description:
      'Coverage summary of a grid in your scope (by code; your scope root when omitted) and of its children, ranked',
  })
  coverage(
    @Arg('scope', () => String, { nullable: true }) scope: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CoverageReport | null> {
    return ctx.coverage.report(ctx.viewer, scope);
  }
}

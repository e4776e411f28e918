import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { maskPhone } from '../auth/phone';
import type { RequestContext } from '../graphql/context';
import { Grid } from '../grids/grid.types';
import {
  Enterprise,
  EnterpriseConnection,
  EnterpriseLookupArgs,
  EnterprisesArgs,
} from './enterprise.types';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, {
    nullable: true,
    description: 'One enterprise by id or by credit code; null when none is in your scope',
  })
  enterprise(
    @Args() args: EnterpriseLookupArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Enterprise | null> {
    return ctx.enterprises.find(args, ctx.viewer);
  }

  @Query(() => EnterpriseConnection, {
    description:
      'Enterprises in your scope, narrowed by any combination of the filters, in id order or by orderBy',
  })
  enterprises(
    @Args() args: EnterprisesArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<EnterpriseConnection> {
    return ctx.enterprises.list(args, ctx.viewer);
  }

  @FieldResolver(() => Grid, {
    nullable: true,
    description: 'The base grid it lies in (null when none, or outside your scope)',
  })
  baseGrid(
    @Root() enterprise: Enterprise,
    @Ctx() ctx: RequestContext,
  ): Promise<Grid | null> | null {
    return enterprise.baseGridId == null ? null : ctx.loaders.grid.load(enterprise.baseGridId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Contact phone; confidential (seed 003 附件 §6): masked as 138****5678 unless you are ADMIN, SUPERVISOR or OFFICER',
  })
  phone(@Root() enterprise: Enterprise, @Ctx() ctx: RequestContext): string | null {
    return maskPhone(enterprise.phone, ctx.viewer);
  }
}

import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
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
    description: 'One enterprise by id or by credit code',
  })
  enterprise(
    @Args() args: EnterpriseLookupArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Enterprise | null> {
    return ctx.enterprises.find(args);
  }

  @Query(() => EnterpriseConnection, {
    description: 'Enterprises in id order, narrowed by any combination of the filters',
  })
  enterprises(
    @Args() args: EnterprisesArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<EnterpriseConnection> {
    return ctx.enterprises.list(args);
  }

  @FieldResolver(() => Grid, { nullable: true, description: 'The base grid it lies in' })
  baseGrid(
    @Root() enterprise: Enterprise,
    @Ctx() ctx: RequestContext,
  ): Promise<Grid | null> | null {
    return enterprise.baseGridId == null ? null : ctx.grids.find({ id: enterprise.baseGridId });
  }
}

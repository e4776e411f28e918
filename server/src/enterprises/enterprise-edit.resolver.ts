import { Arg, Ctx, Float, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { EnterpriseInput } from './enterprise-edit.types';
import { Enterprise } from './enterprise.types';

@Resolver()
export class EnterpriseEditResolver {
  @Mutation(() => Enterprise, {
    description:
      'Registers or updates an enterprise; its base grid is derived from the location (ADMIN, SUPERVISOR, OFFICER)',
  })
  upsertEnterprise(
    @Arg('input') input: EnterpriseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Enterprise> {
    return ctx.enterpriseEdits.upsertEnterprise(ctx.viewer, input);
  }

  @Mutation(() => Enterprise, { description: 'Moves an enterprise; its base grid follows' })
  moveEnterprise(
    @Arg('id', () => ID) id: string,
    @Arg('lon', () => Float) lon: number,
    @Arg('lat', () => Float) lat: number,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Enterprise> {
    return ctx.enterpriseEdits.moveEnterprise(ctx.viewer, { id, lon, lat, expectedVersion });
  }
}

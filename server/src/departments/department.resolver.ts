import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { Department, DepartmentInput, SectorRule, SectorRuleInput } from './department.types';

@Resolver(() => Department)
export class DepartmentResolver {
  @Mutation(() => Department, { description: 'Creates or updates a sector department (ADMIN)' })
  upsertDepartment(
    @Arg('input') input: DepartmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Department> {
    return ctx.departments.upsertDepartment(ctx.viewer, input);
  }

  @Mutation(() => SectorRule, {
    description:
      'Maps an industry prefix or class to a department; re-audits SECTOR_UNASSIGNED (ADMIN)',
  })
  addSectorRule(
    @Arg('input') input: SectorRuleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SectorRule> {
    return ctx.departments.addSectorRule(ctx.viewer, input);
  }

  @Mutation(() => SectorRule, { description: 'Removes a sector rule and answers it (ADMIN)' })
  removeSectorRule(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SectorRule> {
    return ctx.departments.removeSectorRule(ctx.viewer, id);
  }

  @FieldResolver(() => [SectorRule])
  sectorRules(@Root() department: Department, @Ctx() ctx: RequestContext): Promise<SectorRule[]> {
    return ctx.departments.rules(department.id);
  }
}

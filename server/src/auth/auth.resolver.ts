import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { Grid } from '../grids/grid.types';
import type { UserRecord } from './auth.repository';
import { ApiKeyPayload, AuthPayload, CreateUserInput, User } from './auth.types';
import { requireViewer } from './viewer';

@Resolver(() => User)
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: 'Log in; UNAUTHENTICATED with one message for a wrong username or password',
  })
  login(
    @Arg('username') username: string,
    @Arg('password') password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    return ctx.auth.login(username, password);
  }

  @Query(() => User, { description: 'The account making the request' })
  me(@Ctx() ctx: RequestContext): Promise<User> {
    return ctx.auth.me(requireViewer(ctx.viewer));
  }

  @Mutation(() => User, { description: 'ADMIN: a new account inside your own scope' })
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.auth.createUser(ctx.viewer, input);
  }

  @Mutation(() => ApiKeyPayload, {
    description:
      'ADMIN: a new API key for an INTEGRATOR account in your scope; the old key stops working',
  })
  issueApiKey(
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiKeyPayload> {
    return ctx.auth.issueApiKey(ctx.viewer, userId);
  }

  @FieldResolver(() => Grid, {
    description: 'Root of the scope: this grid and everything below it',
  })
  async scope(@Root() user: UserRecord, @Ctx() ctx: RequestContext): Promise<Grid> {
    // A user is only shown to themselves or to an admin whose scope holds theirs.
    const grid = await ctx.gridRepository.byId(user.scopeGridId, null);
    if (!grid)
      throw new Error(`user ${user.id} is scoped to grid ${user.scopeGridId}, which is gone`);
    return grid;
  }
}

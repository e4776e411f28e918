import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { maskPhone } from '../auth/phone';
import type { RequestContext } from '../graphql/context';
import { Person } from './person.types';

@Resolver(() => Person)
export class PersonResolver {
  /** Every read of a person's phone passes here, whichever query reached the person. */
  @FieldResolver(() => String, { nullable: true })
  phone(@Root() person: Person, @Ctx() ctx: RequestContext): string | null {
    return maskPhone(person.phone, ctx.viewer);
  }
}

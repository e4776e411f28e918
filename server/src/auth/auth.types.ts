import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Role } from './viewer';

export enum RoleEnum {
  ADMIN = 'ADMIN',
  PLANNER = 'PLANNER',
  SUPERVISOR = 'SUPERVISOR',
  OFFICER = 'OFFICER',
  INTEGRATOR = 'INTEGRATOR',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description:
    'ADMIN: everything in scope, manages users; PLANNER: edits boundaries; SUPERVISOR: reads all, manages people; OFFICER: reads own scope; INTEGRATOR: read-only, by API key',
});

@ObjectType({
  description: 'An account: a role and a territorial scope (a grid and everything below it)',
})
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field(() => RoleEnum)
  role: Role;

  /** Resolved by UserResolver.scope. */
  scopeGridId: string;

  @Field(() => ID, { nullable: true, description: 'The person record of an officer' })
  personId: string | null;

  @Field({ description: 'Whether an API key is issued (integrators)' })
  hasApiKey: boolean;

  @Field()
  disabled: boolean;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'A session: send the token as "Authorization: Bearer <token>"' })
export class AuthPayload {
  @Field({ description: 'JWT (HS256)' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => User)
  user: User;
}

@ObjectType({ description: 'A newly issued API key; it is shown only this once' })
export class ApiKeyPayload {
  @Field({ description: 'Send as "X-API-Key: <key>" or "Authorization: ApiKey <key>"' })
  apiKey: string;

  @Field(() => User)
  user: User;
}

@InputType()
export class CreateUserInput {
  @Field({ description: '2–63 letters, digits, ".", "_" or "-"; unique ignoring case' })
  username: string;

  @Field({ description: 'At least 8 characters' })
  password: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => ID, { description: 'Root of the territorial scope; must lie in your own scope' })
  scopeGridId: string;

  @Field(() => ID, { nullable: true, description: 'The person record (officers)' })
  personId?: string | null;
}

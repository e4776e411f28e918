import { GraphQLError } from 'graphql';

/** A request the user can fix: wrong argument, malformed value. extensions.code = BAD_USER_INPUT. */
export class UserInputError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code: 'BAD_USER_INPUT' } });
  }
}

/** Something asked for by id or code that does not exist. extensions.code = NOT_FOUND. */
export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
  }
}

/** No valid credentials. extensions.code = UNAUTHENTICATED. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code: 'UNAUTHENTICATED' } });
  }
}

/** Authenticated, but the role or territorial scope does not allow it. extensions.code = FORBIDDEN. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

/** A stale expected version or a competing write. extensions.code = CONFLICT, with the current version. */
export class ConflictError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code: 'CONFLICT' } });
  }
}

/**
 * Who is asking: the authenticated user behind a request, their role and their
 * territorial scope (a grid subtree). Every resolver, tile and export answers only
 * inside `scopeGridId`'s subtree (seed 003 附件 §6: collected data is confidential).
 */
import { ForbiddenError, UnauthenticatedError } from '../graphql/errors';

export const ROLES = ['ADMIN', 'PLANNER', 'SUPERVISOR', 'OFFICER', 'INTEGRATOR'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  userId: string;
  username: string;
  role: Role;
  /** Root of the territorial scope: the viewer sees this grid and everything below it. */
  scopeGridId: string;
  /** The person record of an officer (their own grids are those they are assigned to). */
  personId: string | null;
}

/** The viewer of a request, or UNAUTHENTICATED. */
export function requireViewer(viewer: Viewer | null | undefined): Viewer {
  if (!viewer)
    throw new UnauthenticatedError(
      'log in first: send "Authorization: Bearer <token>" from the login mutation',
    );
  return viewer;
}

/** The viewer, if their role is one of `roles`; FORBIDDEN names the action and the roles that may do it. */
export function requireRole(
  viewer: Viewer | null | undefined,
  roles: readonly Role[],
  action: string,
): Viewer {
  const v = requireViewer(viewer);
  if (!roles.includes(v.role)) {
    throw new ForbiddenError(`${v.role} may not ${action}; allowed: ${roles.join(', ')}`);
  }
  return v;
}

/** Roles that may see people's and enterprises' phone numbers unmasked (seed 003 附件 §6). */
export const PHONE_ROLES: readonly Role[] = ['ADMIN', 'SUPERVISOR', 'OFFICER'];

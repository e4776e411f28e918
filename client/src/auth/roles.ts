/**
 * What each role may do in the client, mirroring server/src/auth/viewer.ts: the interface hides
 * what the server would refuse anyway.
 */
export const ROLES = ['ADMIN', 'PLANNER', 'SUPERVISOR', 'OFFICER', 'INTEGRATOR'] as const;
export type Role = (typeof ROLES)[number];

/** Narrows the API's role string; an unknown role gets the least rights (read-only). */
export function asRole(role: string | null | undefined): Role | null {
  return ROLES.find((r) => r === role) ?? null;
}

/** Draw, reshape, split, merge grids: admins and planners (in their scope). */
export const canEditBoundaries = (role: Role | null): boolean =>
  role === 'ADMIN' || role === 'PLANNER';

/** Assign people to grids: admins and supervisors. */
export const canManagePeople = (role: Role | null): boolean =>
  role === 'ADMIN' || role === 'SUPERVISOR';

/** Whether the API sends phones in full (PHONE_ROLES); others get them masked as 138****5678. */
export const seesFullPhones = (role: Role | null): boolean =>
  role === 'ADMIN' || role === 'SUPERVISOR' || role === 'OFFICER';

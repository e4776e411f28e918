import { describe, expect, it } from '@jest/globals';
import { asRole, canEditBoundaries, canManagePeople, ROLES, seesFullPhones } from './roles';

describe('roles', () => {
  it('reads the API role and gives an unknown one no rights', () => {
    expect(asRole('PLANNER')).toBe('PLANNER');
    expect(asRole('planner')).toBeNull();
    expect(asRole(undefined)).toBeNull();
    expect(canEditBoundaries(asRole('ROOT'))).toBe(false);
  });

  it('lets only admins and planners edit boundaries', () => {
    expect(ROLES.filter(canEditBoundaries)).toEqual(['ADMIN', 'PLANNER']);
  });

  it('lets admins and supervisors manage people', () => {
    expect(ROLES.filter(canManagePeople)).toEqual(['ADMIN', 'SUPERVISOR']);
  });

  it('shows full phones to the roles the API does not mask them for', () => {
    expect(ROLES.filter(seesFullPhones)).toEqual(['ADMIN', 'SUPERVISOR', 'OFFICER']);
  });
});

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { ME_QUERY } from './login.queries';
import { asRole, canEditBoundaries, canManagePeople, seesFullPhones, type Role } from './roles';

/** The logged-in user as the interface needs it: who, which role, and what the role allows. */
export interface ViewerInfo {
  username: string;
  role: Role | null;
  scopeName: string;
  /** The level of the grid the account is scoped to: the top of everything it sees. */
  scopeLevel: number;
  canEditBoundaries: boolean;
  canManagePeople: boolean;
  seesFullPhones: boolean;
}

const ViewerContext = createContext<ViewerInfo | null>(null);

/** Reads `me` once and gives it to every panel below (null until it has arrived). */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { data } = useQuery(ME_QUERY);
  const me = data?.me;
  const viewer = useMemo<ViewerInfo | null>(() => {
    if (!me) return null;
    const role = asRole(me.role);
    return {
      username: me.username,
      role,
      scopeName: me.scope.name,
      scopeLevel: me.scope.level,
      canEditBoundaries: canEditBoundaries(role),
      canManagePeople: canManagePeople(role),
      seesFullPhones: seesFullPhones(role),
    };
  }, [me]);
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

/** The viewer, or null while `me` loads: hide edit controls until it says they are allowed. */
export function useViewer(): ViewerInfo | null {
  return useContext(ViewerContext);
}

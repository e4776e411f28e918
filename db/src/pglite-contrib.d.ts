// PGlite ships its contrib extensions behind package "exports" subpaths, which the
// node10 module resolution of this workspace does not read; Node's require does.
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  import type { Extension } from '@electric-sql/pglite';
  export const pg_trgm: Extension;
}

/**
 * What the connected database can do, read once at start-up. Features switch on these
 * facts, never on "is this the embedded database?".
 */
import type { DataSource } from 'typeorm';

export interface Capabilities {
  /** e.g. "PostgreSQL 15.18 (Debian …)" */
  postgresVersion: string;
  /** PostGIS library version, e.g. "3.3.2" */
  postgisVersion: string;
  /** GEOS version, e.g. "3.11.1" */
  geosVersion: string;
  /** the raw postgis_full_version() text */
  postgisFullVersion: string;
  /** ST_AsMVT works only when PostGIS was built with protobuf-c. */
  asMvt: boolean;
  /** ST_CoverageInvalidEdges and friends: PostGIS ≥ 3.4 with GEOS ≥ 3.12. */
  coverageFunctions: boolean;
  /**
   * COPY … FROM STDIN over the wire. The WebAssembly build behind pglite-socket loses
   * protocol sync on it, so bulk loads fall back to batched INSERT … SELECT unnest(…).
   */
  copyFromStdin: boolean;
}

interface VersionRow {
  pg: string;
  full: string;
  coverage: boolean;
}

export async function readCapabilities(dataSource: DataSource): Promise<Capabilities> {
  const [row] = (await dataSource.query(
    `SELECT version() AS pg, postgis_full_version() AS full,
            to_regprocedure('st_coverageinvalidedges(geometry,double precision)') IS NOT NULL AS coverage`,
  )) as VersionRow[];
  return capabilitiesFrom(row.pg, row.full, row.coverage);
}

/** Pure part of {@link readCapabilities}, tested on known version strings. */
export function capabilitiesFrom(
  postgresVersion: string,
  postgisFullVersion: string,
  hasCoverageInvalidEdges: boolean,
): Capabilities {
  const field = (name: string): string =>
    new RegExp(`${name}="([^"]+)"`).exec(postgisFullVersion)?.[1] ?? '';
  return {
    postgresVersion,
    postgisVersion: field('POSTGIS').split(' ')[0],
    geosVersion: field('GEOS').split('-')[0],
    postgisFullVersion,
    asMvt: /PROTOBUF="/.test(postgisFullVersion),
    coverageFunctions: hasCoverageInvalidEdges,
    copyFromStdin: !/wasm32|emscripten/i.test(postgresVersion),
  };
}

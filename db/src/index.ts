export { openDatabase, redactUrl } from './data-source';
export type {
  Database,
  DatabaseMode,
  DatabaseOptions,
  PreparedStatement,
  Reads,
} from './data-source';
export { capabilitiesFrom, readCapabilities } from './capabilities';
export type { Capabilities } from './capabilities';
export * from './entities';
export * from './reference/enterprise-classes';
export { DEPARTMENTS, SECTOR_RULES } from './reference/departments';
export type { DepartmentSeed, SectorRuleSeed } from './reference/departments';
export { validateUscc, usccCheckCharacter } from './reference/uscc';
export { generateDemo, DEMO_API_KEY, DEMO_USERS } from './demo';
export type { DemoCredentialHasher, DemoUser, DemoUserCreated } from './demo/demo.users';
export type {
  DemoChunk,
  DemoEnterprise,
  DemoGeneration,
  DemoGrid,
  DemoManifest,
  DemoOptions,
  DemoPreset,
  PlantedDefect,
  PlantedRule,
} from './demo/demo.types';
export { loadDemo, DemoLoadError } from './demo/demo.loader';
export type { DemoLoadOptions, DemoLoadProgress } from './demo/demo.loader';
export { assignBaseGrids, COVERING_GRID_ORDER } from './derivation/base-grid';
export { openTestDatabase, testDatabaseUrl } from './testing/test-database';
export type { TestDatabase } from './testing/test-database';

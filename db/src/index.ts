export { openDatabase, redactUrl } from './data-source';
export type { Database, DatabaseMode, DatabaseOptions } from './data-source';
export { capabilitiesFrom, readCapabilities } from './capabilities';
export type { Capabilities } from './capabilities';
export * from './entities';
export * from './reference/enterprise-classes';
export { DEPARTMENTS, SECTOR_RULES } from './reference/departments';
export type { DepartmentSeed, SectorRuleSeed } from './reference/departments';

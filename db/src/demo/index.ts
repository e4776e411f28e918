export { generateDemo, MAX_DEFECTS_PER_KIND } from './demo.generator';
export { DEMO_EPOCH_MS } from './county.generator';
export type {
  DemoAssignment,
  DemoChunk,
  DemoEnterprise,
  DemoGeneration,
  DemoGrid,
  DemoLevel,
  DemoManifest,
  DemoOptions,
  DemoPerson,
  DemoPreset,
  PlantedDefect,
  PlantedRule,
} from './demo.types';
export { PLANTED_RULES } from './demo.types';
export { DEMO_API_KEY, DEMO_USERS } from './demo.users';
export type { DemoCredentialHasher, DemoRole, DemoUser, DemoUserCreated } from './demo.users';

import { panelsEn } from './panels.en';
import type { GridwardenTranslations } from './zh-CN';

export const en: GridwardenTranslations = {
  app: {
    name: 'Gridwarden',
    latinName: '网格卫士',
    tagline: 'Grid-based safety supervision',
  },
  header: {
    summary: '{{grids}} grids · {{enterprises}} enterprises',
    switchLanguage: '中文',
    switchLanguageTitle: '切换到中文',
  },
  layers: {
    title: 'Layers',
    enterprises: 'Enterprises',
    levelFallback: 'Level {{level}} grids',
    violations: 'Coverage problems',
    count: '{{count}}',
  },
  legend: {
    title: 'Enterprise classes',
    HIGH_RISK: 'High-risk',
    NINE_SMALL: 'Nine-small venue',
    ABOVE_SCALE: 'Above designated size',
    OTHER: 'Other',
    cluster: 'Enterprises counted per area when zoomed out',
  },
  rules: {
    GAP: 'Gap (no grid)',
    OVERLAP: 'Overlap',
    OUTSIDE_PARENT: 'Outside its parent',
    ENTERPRISE_UNCOVERED: 'Enterprise in no grid',
    ENTERPRISE_MULTI_COVERED: 'Enterprise in 2 grids',
    ENTERPRISE_NEAR_BOUNDARY: 'Enterprise near a grid edge',
    GRID_SIZE: 'Grid size out of band',
    GRID_UNSTAFFED: 'Grid without people',
    SECTOR_UNASSIGNED: 'Enterprise without a department',
  },
  basemap: {
    title: 'Basemap',
    none: 'Our data only',
    'tianditu-vector': 'Tianditu map',
    'tianditu-imagery': 'Tianditu imagery',
  },
  loading: {
    setup: 'Reading your territory and grid levels…',
    drawing: 'Drawing the map…',
  },
  error: {
    unreachableTitle: 'Cannot reach the Gridwarden server',
    unreachableBody:
      'The map data comes from {{url}}, which cannot be reached right now. Check that the server is running, then retry.',
    mapTitle: 'The map cannot be shown',
    mapBody:
      'The browser could not create the map (WebGL is required). Try another browser or enable hardware acceleration, then retry.',
    detail: 'Technical details',
    retry: 'Retry',
  },
  tooltip: {
    enterprises: '{{count}} enterprises',
    code: 'Code {{code}}',
  },
  panels: panelsEn,
  map: {
    label: 'Grid map',
  },
  login: {
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    wrongCredentials: 'Wrong username or password',
    refused: 'Cannot log in: {{detail}}',
    unreachable: 'Cannot reach the Gridwarden server: {{detail}}',
    logout: 'Log out',
  },
  roles: {
    ADMIN: 'Administrator',
    PLANNER: 'Planner',
    SUPERVISOR: 'Supervisor',
    OFFICER: 'Grid officer',
    INTEGRATOR: 'Integration',
  },
};

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
    count: '{{count}}',
  },
  legend: {
    title: 'Enterprise classes',
    HIGH_RISK: 'High-risk',
    NINE_SMALL: 'Nine-small venue',
    ABOVE_SCALE: 'Above designated size',
    OTHER: 'Other',
  },
  loading: {
    levels: 'Loading grid levels…',
    grids: 'Loading grids {{index}}/{{count}}…',
    gridsDetail: '{{level}}: {{loaded}} / {{total}} loaded',
    enterprises: 'Loading enterprises {{loaded}}/{{total}}…',
    enterprisesStarting: 'Loading enterprises…',
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

// client/package.json is "type": "module", hence .cjs. Specs compile as CommonJS through
// tsconfig.spec.json; the e2e spec starts the built server itself (npm run build first).
const path = require('node:path');
const preset = require('../jest.preset')(__dirname);

module.exports = {
  displayName: 'client',
  ...preset,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/e2e/**/*.e2e.spec.ts'],
  transform: {
    // isolatedModules comes from tsconfig.spec.json (ts-jest 29.4 deprecates the option here).
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

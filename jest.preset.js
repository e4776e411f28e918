// Shared Jest settings; every package's jest.config.js spreads this.
const path = require('node:path');

/** @param {string} dir the package directory */
module.exports = (dir) => ({
  rootDir: dir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(dir, 'tsconfig.json') }],
  },
  moduleNameMapper: {
    '^@gridwarden/db$': path.join(__dirname, 'db/src/index.ts'),
  },
});

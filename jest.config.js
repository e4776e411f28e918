// One root config: `npm test` runs every package's suites, against DATABASE_URL when set
// and the embedded PGlite + PostGIS otherwise. testTimeout is global-only in Jest.
module.exports = {
  projects: ['<rootDir>/db', '<rootDir>/server', '<rootDir>/schema', '<rootDir>/client'],
  testTimeout: 180000,
};

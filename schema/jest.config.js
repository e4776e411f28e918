module.exports = {
  displayName: 'schema',
  ...require('../jest.preset')(__dirname),
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
};

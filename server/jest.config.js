module.exports = { displayName: 'server', ...require('../jest.preset')(__dirname) };

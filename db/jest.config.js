module.exports = { displayName: 'db', ...require('../jest.preset')(__dirname) };

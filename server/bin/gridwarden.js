#!/usr/bin/env node
// The `gridwarden` command (npx gridwarden …); runs the compiled CLI.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'dist', 'cli', 'gridwarden.js');
if (!existsSync(cli)) {
  console.error(
    'gridwarden: the server is not built yet. Run `npm run build` in the repository first.',
  );
  process.exit(2);
}
require(cli).cliMain(process.argv.slice(2));

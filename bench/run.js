// `npm run bench -- [options]`: builds @gridwarden/db (the server code imports its dist),
// compiles the benchmarks (they import the server's coverage engine from source) and runs
// them. Benchmarks are not tests: they print numbers and never decide pass/fail.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npm', ['run', 'build', '-w', '@gridwarden/db', '--silent']);
run(process.execPath, [
  join(root, 'node_modules/typescript/bin/tsc'),
  '-p',
  join(__dirname, 'tsconfig.json'),
]);
run(process.execPath, [
  // the province's naive baseline is not run, but reading its results still wants room
  '--max-old-space-size=8192',
  '--enable-source-maps',
  join(__dirname, 'dist/bench/coverage/coverage.bench.js'),
  ...process.argv.slice(2),
]);

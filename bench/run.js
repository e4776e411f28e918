// `npm run bench -- [--suite coverage|api|client] [options]`: builds what the suite runs (the
// benchmarks import the server's code from source and @gridwarden/db from its dist; the API
// suite starts the built server), compiles the benchmarks and runs one suite.
// Benchmarks are not tests: they print numbers and never decide pass/fail.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const SUITES = {
  coverage: {
    build: [],
    // the province's naive baseline is not run, but reading its results still wants room
    node: ['--max-old-space-size=8192'],
    main: 'dist/bench/coverage/coverage.bench.js',
  },
  api: {
    build: [[process.execPath, [tsc, '-p', join(root, 'server/tsconfig.build.json')]]],
    node: [],
    main: 'dist/bench/api/api.bench.js',
  },
  // tiles through the built server beside their SQL; the first map in Chromium (built client)
  client: {
    build: [['npm', ['run', 'build', '--silent']]],
    node: [],
    main: 'dist/bench/client/client.bench.js',
  },
};

const args = process.argv.slice(2);
let suiteName = 'coverage';
const at = args.indexOf('--suite');
if (at >= 0) {
  suiteName = args[at + 1];
  args.splice(at, 2);
}
const suite = SUITES[suiteName];
if (!suite) {
  console.error(`--suite is ${Object.keys(SUITES).join(' or ')}, not ${JSON.stringify(suiteName)}`);
  process.exit(2);
}

run('npm', ['run', 'build', '-w', '@gridwarden/db', '--silent']);
for (const [command, commandArgs] of suite.build) run(command, commandArgs);
run(process.execPath, [tsc, '-p', join(__dirname, 'tsconfig.json')]);
run(process.execPath, [
  ...suite.node,
  '--enable-source-maps',
  join(__dirname, suite.main),
  ...args,
]);

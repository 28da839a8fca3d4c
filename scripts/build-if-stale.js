// `npm start` runs the compiled service and serves the built reading room; this rebuilds either first
// only when one of its sources is newer than its last build (tsc's own up-to-date check takes seconds
// even when nothing changed). `node scripts/build-if-stale.js web` checks the reading room only.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const node = (...args) => execFileSync(process.execPath, args, { stdio: 'inherit', cwd: root });

const TARGETS = {
  service: {
    stamp: path.join(root, 'dist', '.tsbuildinfo'),
    output: path.join(root, 'dist', 'main.js'),
    inputs: ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    build: () => node(require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')),
  },
  web: {
    stamp: path.join(root, 'web', 'dist', 'index.html'),
    output: path.join(root, 'web', 'dist', 'index.html'),
    inputs: ['web/src', 'web/index.html', 'web/vite.config.mts', 'web/tsconfig.json', 'package-lock.json'],
    build: () => execFileSync('npm', ['run', '--silent', 'web:build'], { stdio: 'inherit', cwd: root }),
  },
};

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(TARGETS);
for (const name of names) {
  const target = TARGETS[name];
  if (!target) throw new Error(`unknown build target ${name} (${Object.keys(TARGETS).join(', ')})`);
  const built = fs.existsSync(target.stamp) && fs.existsSync(target.output) ? fs.statSync(target.stamp).mtimeMs : 0;
  const changed = target.inputs.map((i) => path.join(root, i)).filter(fs.existsSync).some((p) => newest(p) > built);
  if (!changed) continue;
  console.log(`building ${name === 'web' ? 'the reading room' : 'the service'} (sources changed since the last build)…`);
  target.build();
  // tsc leaves its build info untouched when nothing needed emitting: mark this build as current.
  const now = new Date();
  fs.utimesSync(target.stamp, now, now);
}

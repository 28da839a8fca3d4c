// `npm start` runs the compiled service; this rebuilds it first only when a source file is newer
// than the last build (tsc's own up-to-date check takes seconds even when nothing changed).
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'dist', '.tsbuildinfo');
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

const built = fs.existsSync(stamp) && fs.existsSync(path.join(root, 'dist', 'main.js')) ? fs.statSync(stamp).mtimeMs : 0;
const changed = inputs.map((i) => path.join(root, i)).filter(fs.existsSync).some((p) => newest(p) > built);
if (changed) {
  console.log('building (sources changed since the last build)…');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  // tsc leaves its build info untouched when nothing needed emitting: mark this build as current.
  const now = new Date();
  fs.utimesSync(stamp, now, now);
}

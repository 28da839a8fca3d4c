// `npm start` rebuilds only when a source is newer than the last build's stamp (scripts/build-if-stale.js).
// The typecheck of `npm test` must not write that stamp, or `npm start` after `npm test` ran stale code.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const config = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as { compilerOptions?: { tsBuildInfoFile?: string } };

it('keeps the typecheck build info apart from the build stamp that npm start reads', () => {
  const stamp = fs.readFileSync(path.join(root, 'scripts', 'build-if-stale.js'), 'utf8').match(/path\.join\(root, 'dist', '([^']+)'\)/)?.[1];
  expect(stamp).toBe('.tsbuildinfo');
  expect(config('tsconfig.build.json').compilerOptions?.tsBuildInfoFile).toBe('dist/.tsbuildinfo');
  const typecheck = config('tsconfig.json').compilerOptions?.tsBuildInfoFile;
  expect(typecheck).toBeDefined();
  expect(path.normalize(typecheck!)).not.toBe(path.normalize('dist/.tsbuildinfo'));
});

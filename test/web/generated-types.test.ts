// The reading room's typed operations (web/src/generated/graphql.ts, written by `npm run codegen`)
// must be what codegen.yml makes of web/src/operations against the committed schema: a schema change
// that breaks a page's query fails here (codegen refuses the operation) or in the web build's type check.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.join(__dirname, '..', '..');
const TARGET = 'web/src/generated/graphql.ts';

it('is up to date (run `npm run codegen` after changing the schema or web/src/operations)', () => {
  const config = parse(fs.readFileSync(path.join(root, 'codegen.yml'), 'utf8'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-codegen-'));
  try {
    // The CLI itself (jest cannot load its ES modules), on codegen.yml's web target alone, against
    // schema.graphql (which test/project/schema-file.test.ts holds to the schema the code builds).
    const out = path.join(dir, 'graphql.ts');
    fs.writeFileSync(path.join(dir, 'codegen.json'), JSON.stringify({ schema: path.join(root, 'schema.graphql'), generates: { [out]: config.generates[TARGET] } }));
    const run = spawnSync(path.join(root, 'node_modules', '.bin', 'graphql-codegen'), ['--config', path.join(dir, 'codegen.json')], {
      cwd: root,
      encoding: 'utf8',
      // Under NODE_ENV=test (jest's) the CLI prints nothing, failures included.
      env: { ...process.env, NODE_ENV: 'development' },
    });
    // On failure, codegen's own words (which operation asks for what the schema lacks).
    expect({ status: run.status, output: run.status === 0 ? '' : `${run.stdout}${run.stderr}` }).toEqual({ status: 0, output: '' });
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(path.join(root, TARGET), 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60000);

// No Docker engine runs here: the compose file is parsed and its contract checked.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.join(__dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));

it('runs Postgres and the service, with health checks', () => {
  expect(Object.keys(compose.services).sort()).toEqual(['api', 'db']);
  const { db, api } = compose.services;
  expect(db.image).toMatch(/^postgres:/);
  expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
  expect(api.build).toBe('.');
  expect(api.ports).toContain('4000:4000');
  expect(api.healthcheck.test.join(' ')).toContain('/healthz');
  expect(api.depends_on.db.condition).toBe('service_healthy');
});

it('points the service at the compose database and migrates before it serves', () => {
  const { db, api } = compose.services;
  const url = new URL(api.environment.DATABASE_URL);
  expect(url.hostname).toBe('db');
  expect(url.username).toBe(db.environment.POSTGRES_USER);
  expect(url.pathname.slice(1)).toBe(db.environment.POSTGRES_DB);
  const command = api.command.join(' ');
  expect(command.indexOf('prisma migrate deploy')).toBeGreaterThanOrEqual(0);
  expect(command.indexOf('prisma migrate deploy')).toBeLessThan(command.indexOf('node dist/main.js'));
  expect(api.environment.PORT).toBe('4000');
});

it('has a Dockerfile that builds the service the compose file runs', () => {
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  expect(dockerfile).toMatch(/npm ci/);
  expect(dockerfile).toMatch(/HEALTHCHECK/);
  expect(dockerfile).toMatch(/dist\/main\.js/);
  // What the service reads at run time: reference data, the migration runner's helper, migrations.
  for (const dir of ['data', 'scripts', 'prisma']) expect(dockerfile).toMatch(new RegExp(`COPY ${dir} `));
});

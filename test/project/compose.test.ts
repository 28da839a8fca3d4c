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

describe('docker-compose.cluster.yml (several instances)', () => {
  const cluster = parse(fs.readFileSync(path.join(root, 'docker-compose.cluster.yml'), 'utf8'), { merge: true });
  const { primary, replica, redis, api1, api2 } = cluster.services;

  it('runs two service instances over a Postgres primary, a streaming replica and Redis, with health checks', () => {
    expect(Object.keys(cluster.services).sort()).toEqual(['api1', 'api2', 'primary', 'redis', 'replica']);
    for (const s of [primary, replica, redis, api1, api2]) expect(s.healthcheck.test.join(' ')).toMatch(/pg_isready|redis-cli ping|\/healthz/);
    expect(api1.ports).toEqual(['4001:4000']);
    expect(api2.ports).toEqual(['4002:4000']);
    for (const api of [api1, api2]) {
      expect(api.build).toBe('.');
      for (const dep of ['primary', 'replica', 'redis']) expect(api.depends_on[dep].condition).toBe('service_healthy');
      expect(api.command.join(' ')).toMatch(/prisma migrate deploy && node dist\/main\.js/);
    }
  });

  it('points both instances at the primary for writes, the replica for reads and the shared Redis', () => {
    for (const api of [api1, api2]) {
      const env = api.environment;
      const primaryUrl = new URL(env.DATABASE_URL);
      expect(primaryUrl.hostname).toBe('primary');
      expect(primaryUrl.username).toBe(primary.environment.POSTGRES_USER);
      expect(primaryUrl.pathname.slice(1)).toBe(primary.environment.POSTGRES_DB);
      const replicaUrl = new URL(env.DATABASE_REPLICA_URLS);
      expect(replicaUrl.hostname).toBe('replica');
      expect(replicaUrl.pathname).toBe(primaryUrl.pathname);
      expect(new URL(env.REDIS_URL).hostname).toBe('redis');
      expect(Number(env.REPLICA_MAX_LAG_MS)).toBeGreaterThan(0);
    }
  });

  it('makes the replica a streaming copy of the primary', () => {
    expect(primary.command.join(' ')).toContain('wal_level=replica');
    const init = primary.volumes.find((v: string) => v.includes('docker-entrypoint-initdb.d'));
    const initScript = fs.readFileSync(path.join(root, init.split(':')[0]), 'utf8');
    expect(initScript).toMatch(/REPLICATION LOGIN/);
    expect(initScript).toMatch(/host replication replicator/);
    const start = replica.volumes.find((v: string) => v.endsWith('/replica-start.sh:ro'));
    const startScript = fs.readFileSync(path.join(root, start.split(':')[0]), 'utf8');
    expect(startScript).toMatch(/pg_basebackup -h primary -U replicator .* -R /);
    expect(startScript).toMatch(/hot_standby=on/);
    expect(replica.environment.PGPASSWORD).toBe(primary.environment.REPLICATION_PASSWORD);
    expect(redis.command.join(' ')).toContain('--maxmemory');
  });
});

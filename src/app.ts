// The service's life: database (embedded or DATABASE_URL) -> migrations -> reference data and
// sample corpus -> HTTP server; and its orderly end. main.ts adds the process around it.
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from './config';
import { createDb } from './db/client';
import { openEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded';
import { redactUrl } from './db/target';
import { migrateDeploy } from './db/migrate';
import { loadReferenceData } from './domain/reference-data';
import { loadCorpus } from './domain/corpus';
import { createServer, localUrl } from './server';

export interface RunningService {
  /** The port actually bound (config.port may be 0). */
  port: number;
  /** Stops accepting, waits for requests in flight, closes the pool, stops the embedded database. */
  stop(): Promise<void>;
}

export async function startService(config: Config, log: Logger): Promise<RunningService> {
  const started = Date.now();
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await openEmbeddedPostgres({ dataDir: config.embeddedDataDir, log });
    url = embedded.url;
  }
  const database = redactUrl(url);
  log.info(
    { database, dataDir: embedded?.dataDir },
    embedded ? 'embedded Postgres running (set DATABASE_URL to use another database)' : 'using DATABASE_URL',
  );
  await migrateDeploy(url);
  log.info({ ms: Date.now() - started }, 'migrations applied');
  const db = createDb(url, {
    poolSize: config.dbPoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    idleInTransactionTimeoutMs: config.idleInTransactionTimeoutMs,
    stallCheckMs: config.dbStallCheckMs,
    preparedStatements: config.dbPreparedStatements,
  });
  await loadReferenceData(db);
  // The sample corpus loads by itself only into the embedded database of the default run, and
  // only while it holds no release; elsewhere `npx prisma db seed` loads it.
  if (embedded && config.seedOnStart && (await db.pressRelease.count()) === 0) {
    const { stored } = await loadCorpus(db);
    log.info({ stored }, 'sample corpus loaded');
  }

  const { httpServer, apollo } = await createServer({ db, config, log, databaseUrl: url });
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const base = config.publicUrl ?? localUrl(config.host, port);
  log.info({ ms: Date.now() - started }, `ready: the reading room at ${base}/, GraphQL at ${base}/graphql (a browser gets the playground there)`);
  // Logs are JSON for machines; a person at a terminal also gets the addresses on lines of their own.
  if (process.stdout.isTTY) {
    process.stdout.write(
      `
  Press-release archive ready:
    reading room  ${base}/
    GraphQL       ${base}/graphql
` +
        `    database      ${database}${embedded ? ' (embedded; commands such as `npx prisma db seed` use it too)' : ''}

`,
    );
  }

  let stopping: Promise<void> | undefined;
  return {
    port,
    stop: () =>
      (stopping ??= (async () => {
        await apollo.stop(); // stops accepting, waits for requests in flight
        log.debug('HTTP drained');
        await db.$disconnect();
        log.debug('database pool closed');
        await embedded?.stop();
      })()),
  };
}

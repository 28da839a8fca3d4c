// The process: settings, logger, the service, and the signals that stop it.
import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from './config';
import { startService } from './app';

/**
 * Log lines (JSON, stdout) gathered and written a few kilobytes at a time, and at least every
 * LOG_FLUSH_MS: pino's default destination wrote every line by itself on libuv's thread pool, a
 * thread woken, a write and an event-loop wake-up for each request's line (docs/performance.md,
 * tenth round of issue 9). Lines still pending are written when the process exits
 * (pino flushes an asynchronous destination on exit).
 */
const LOG_BATCH_BYTES = 4096;
const LOG_FLUSH_MS = 250;
const logDestination = () => pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES, periodicFlush: LOG_FLUSH_MS });

async function main() {
  const config = loadConfig();
  const log = pino({ level: config.logLevel }, logDestination());
  const service = await startService(config, log);

  const stop = async (signal: string) => {
    log.info({ signal }, 'draining and stopping');
    const force = setTimeout(() => {
      log.error('still draining after the grace period: exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    try {
      await service.stop();
      log.info('stopped');
      process.exit(0);
    } catch (e) {
      log.error({ err: e }, 'error while stopping');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});

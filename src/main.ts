// The process: settings, logger, the service, and the signals that stop it.
import './v8-flags';
import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from './config';
import { startService } from './app';

/**
 * Log lines (JSON, stdout) gathered and written a few kilobytes at a time, and at least every
 * LOG_FLUSH_MS. The write is synchronous, on the main thread, as pino's own default is: an
 * asynchronous one went through libuv's thread pool, a worker woken and the event loop woken back
 * for each batch, which cost more than the write itself (docs/performance.md, tenth and twelfth
 * rounds of issue 9). What is still gathered is written when the process exits, however it exits.
 */
const LOG_BATCH_BYTES = 4096;
const LOG_FLUSH_MS = 250;
function logDestination() {
  const destination = pino.destination({ dest: 1, sync: true, minLength: LOG_BATCH_BYTES, periodicFlush: LOG_FLUSH_MS });
  process.on('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // stdout closed (EPIPE): nothing can be written anywhere.
    }
  });
  return destination;
}

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

// The process: settings, logger, the service, and the signals that stop it.
import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from './config';
import { startService } from './app';

async function main() {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
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

import pino, { type Logger } from 'pino';
import { loadConfig } from './config';

/** A JSON logger; its level defaults to the configuration's (LOG_LEVEL). */
export function createLogger(level = loadConfig().logLevel): Logger {
  return pino({ level, base: { service: 'civimap-api' } });
}

// The gateway's structured log: JSON lines (pino), one per request plus warnings and errors.
import { pino, type Logger, type DestinationStream } from 'pino';
import type { LogLevel } from '../config/hardening-config';

export type { Logger };

/** Writes to stdout unless given a destination (tests pass a stream they read). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'accord-gateway' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

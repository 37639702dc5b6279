// The request and lifecycle logger: pino, pretty in a terminal or JSON lines; secrets never reach it.

import type { Logger } from './app.js';

/** `--log-level silent` writes nothing, ever: no pino at all (about 40 ms of every start, CI's usual setting). */
const SILENT: Logger = { info() {}, warn() {}, error() {}, isLevelEnabled: () => false };

const toLogger = (logger: Logger): Logger => logger;

export async function createLogger(level: string, format: 'pretty' | 'json', destination: NodeJS.WritableStream = process.stdout): Promise<Logger> {
  if (level === 'silent') return SILENT;
  const { pino } = await import('pino');
  const options = { level, base: undefined, redact: { paths: ['*.authorization', '*.token', '*.password', '*.api_key'], censor: '[masked]' } };
  // Typed as authmock's Logger: pino's own type has an index signature that reads as a `then` to an async function.
  if (format === 'json') return toLogger(pino(options, destination as unknown as Parameters<typeof pino>[1]));
  const { default: pretty } = await import('pino-pretty');
  const stream = pretty({ colorize: (destination as NodeJS.WriteStream).isTTY ?? false, sync: true, ignore: 'time_ms', destination });
  return toLogger(pino(options, stream));
}

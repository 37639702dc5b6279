// The request and lifecycle logger: pino, pretty in a terminal or JSON lines; secrets never reach it.

import { pino, type Logger as PinoLogger } from 'pino';

export async function createLogger(level: string, format: 'pretty' | 'json', destination: NodeJS.WritableStream = process.stdout): Promise<PinoLogger> {
  const options = { level, base: undefined, redact: { paths: ['*.authorization', '*.token', '*.password', '*.api_key'], censor: '[masked]' } };
  if (format === 'json') return pino(options, destination as unknown as pino.DestinationStream);
  const { default: pretty } = await import('pino-pretty');
  const stream = pretty({ colorize: (destination as NodeJS.WriteStream).isTTY ?? false, sync: true, ignore: 'time_ms', destination });
  return pino(options, stream);
}

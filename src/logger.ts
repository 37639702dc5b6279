// The request and lifecycle logger: JSON lines (pino) or one readable line per event in a terminal; secrets never reach it.

import { formatRequestLine, printable, type RequestLine } from './http/request-log.js';

/** What authmock logs through: pino's methods that it uses. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** pino's: false when `info` lines are dropped anyway, so that nothing is formatted for them. */
  isLevelEnabled?(level: string): boolean;
}

/** `--log-level silent` writes nothing, ever: no pino at all (about 40 ms of every start, CI's usual setting). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {}, isLevelEnabled: () => false };

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'silent'] as const;
const REDACT = ['*.authorization', '*.token', '*.password', '*.api_key'];

const toLogger = (logger: Logger): Logger => logger;

export interface LoggerOptions {
  /** Colour the pretty lines (the CLI's choice: a terminal without NO_COLOR). */
  colour?: boolean;
  /** Wall-clock time of a pretty line (default the real time; never the mock clock). */
  now?: () => Date;
}

export async function createLogger(
  level: string,
  format: 'pretty' | 'json',
  destination: NodeJS.WritableStream = process.stdout,
  options: LoggerOptions = {},
): Promise<Logger> {
  if (level === 'silent') return silentLogger;
  if (format === 'pretty') {
    return createPrettyLogger(level, destination, options.colour === true, options.now ?? (() => new Date()));
  }
  const { pino } = await import('pino');
  // `time` is pino's (the real time, epoch ms); a request line carries the mock clock as `mockTime`.
  const pinoOptions = { level, base: undefined, redact: { paths: REDACT, censor: '[masked]' } };
  // Typed as authmock's Logger: pino's own type has an index signature that reads as a `then` to an async function.
  return toLogger(pino(pinoOptions, destination as unknown as Parameters<typeof pino>[1]));
}

const SECRET_KEY = /^(?:authorization|token|password|api_key)$/i;

/** `key=value` pairs of a lifecycle event, one level deep, secret-named keys masked. */
function fields(obj: object): string {
  const out: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    const text = SECRET_KEY.test(key) ? '[masked]' : typeof value === 'string' ? value : JSON.stringify(value);
    out.push(`${key}=${printable(text ?? '')}`);
  }
  return out.join(' ');
}

/**
 * The terminal log: `HH:MM:SS` (real time), then for a request one line with method, path, status, duration,
 * operation and problem (see formatRequestLine); for anything else the message and its fields on one line.
 */
export function createPrettyLogger(level: string, destination: NodeJS.WritableStream, colour: boolean, now: () => Date): Logger {
  const min = Math.max(0, LEVELS.indexOf(level as (typeof LEVELS)[number]));
  const enabled = (l: string): boolean => LEVELS.indexOf(l as (typeof LEVELS)[number]) >= min;
  const paint = (code: number, text: string): string => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const write = (l: 'info' | 'warn' | 'error', obj: object, msg?: string): void => {
    if (!enabled(l)) return;
    const time = paint(2, now().toISOString().slice(11, 19));
    const tag = l === 'info' ? '' : `${paint(l === 'error' ? 31 : 33, l.toUpperCase())} `;
    const body = msg === 'request' ? formatRequestLine(obj as RequestLine, colour) : [printable(msg ?? ''), fields(obj)].filter(Boolean).join(' ');
    destination.write(`${time} ${tag}${body}\n`);
  };
  return {
    info: (obj, msg) => write('info', obj, msg),
    warn: (obj, msg) => write('warn', obj, msg),
    error: (obj, msg) => write('error', obj, msg),
    isLevelEnabled: enabled,
  };
}

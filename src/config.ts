// Parse the command line once into one Settings: every option, its default and its error message in one place.

import { createRequire } from 'node:module';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestName } from './did-you-mean.js';
import { toServerUrl } from './docs/docs-page.js';
import { ProviderOptionError } from './providers/provider.js';
import { REGISTRY, type ProviderSettings } from './providers/registry.js';
import { DEFAULT_DOCUMENT, DEFAULT_FIXTURES } from './paths.js';
import type { SandboxLimits } from './world/worlds.js';

export class UsageError extends Error {
  readonly code = 'usage' as const;
}

/** Added latency per request: a random value in [minMs, maxMs]. */
export interface Latency {
  minMs: number;
  maxMs: number;
}

/** Every setting of a running authmock, each default resolved here once (`defaultSettings`); nothing below has one. */
export interface Settings {
  /** The OpenAPI document served. */
  document: string;
  fixtures: string;
  port: number;
  host: string;
  /** Keep state, sandboxes and clocks in this SQLite file (--state). */
  state: string | undefined;
  resetState: boolean;
  latency: Latency | undefined;
  adminToken: string | undefined;
  /** A response that breaks the document becomes a 500. */
  strict: boolean;
  tlsCert: string | undefined;
  tlsKey: string | undefined;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';
  logFormat: 'pretty' | 'json';
  /**
   * Where the readable start-up banner goes: stdout with the pretty log, none with an explicit `--log-format json`
   * (the JSON log's banner line, secrets masked, is the whole of it), stderr when JSON was chosen only because the
   * output is not a terminal (stdout stays JSON lines; a person still sees the URLs and, on loopback, credentials).
   */
  bannerText: 'stdout' | 'stderr' | 'none';
  watch: boolean;
  /** The largest request body, in bytes. */
  bodyLimit: number;
  /** Each provider's own options, read by the provider (only what was given; the rest come from fixtures or defaults). */
  providerSettings: ProviderSettings;
  /** The deepest nesting a request body may have. */
  maxDepth: number;
  /** A sandbox unused for this long is deleted. */
  sandboxIdleMs: number;
  maxSandboxes: number;
  sandboxLimits: SandboxLimits;
  /** Requests kept per world for GET /__admin/requests. */
  requestLogSize: number;
  /** How often expired sessions are swept from every world. */
  sweepIntervalMs: number;
  /** The package version (GET /__admin/health). */
  version: string;
}

const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** The settings of `authmock serve` with no options (tests and tools start from these). */
export function defaultSettings(): Settings {
  return {
    document: DEFAULT_DOCUMENT,
    fixtures: DEFAULT_FIXTURES,
    port: 4010,
    host: '127.0.0.1',
    state: undefined,
    resetState: false,
    latency: undefined,
    adminToken: undefined,
    strict: false,
    tlsCert: undefined,
    tlsKey: undefined,
    logLevel: 'info',
    logFormat: 'json',
    bannerText: 'none',
    watch: false,
    bodyLimit: 1024 * 1024,
    maxDepth: 32,
    sandboxIdleMs: 30 * 60_000,
    maxSandboxes: 100,
    sandboxLimits: { sandboxBytes: 1024 * 1024, totalBytes: 64 * 1024 * 1024 },
    requestLogSize: 500,
    sweepIntervalMs: 30_000,
    version: VERSION,
    providerSettings: {},
  };
}

/** The defaults with some settings given (for tests and for tools that start an authmock of their own). */
export function resolveSettings(given: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...given };
}

export interface ServeConfig extends Settings {
  command: 'serve';
  providers: string[] | undefined;
}

export interface DocsConfig {
  command: 'docs';
  document: string;
  out: string;
  serverUrl: string | undefined;
  title: string | undefined;
}

export type Config = ServeConfig | DocsConfig | { command: 'help' } | { command: 'version' } | { command: 'other'; name: string; argv: string[] };

const PROVIDERS = REGISTRY.names;
/** The shortest admin token accepted (README: Options). */
export const ADMIN_TOKEN_MIN = 8;
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'silent'] as const;
const COUNT = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** `  --name VALUE` then its help at column 26, or on the next line when the name is too long. */
const toHelpLine = (o: { name: string; value: string; help: string }): string => {
  const head = `  --${o.name} ${o.value}`;
  return head.length < 25 ? `${head.padEnd(25)}${o.help}` : `${head}\n${' '.repeat(25)}${o.help}`;
};

export const HELP = `authmock — stateful mock of ${COUNT[REGISTRY.names.length] ?? REGISTRY.names.length} API authentication flows (${REGISTRY.modules.map((m) => m.title).join(', ')})

Usage:
  authmock serve [document] [options]   start the mock (document: default the bundled openapi/authmock.yaml)
  authmock docs [document] --out DIR [--server-url URL] [--title TEXT]
                                        write the API reference (Swagger UI, works offline, also from file://) into DIR
  authmock verify-pacts <files|dirs> [--junit FILE] [--broker-url URL] [--fixtures FILE]
                                        verify pacts against a fresh authmock (a new sandbox per pact)
  authmock check-pacts <files|dirs> [--document FILE] [--json]
                                        check every pact interaction against the document, without running anything
  authmock --help | --version

Options for serve:
  --port N               port to listen on (default 4010; 0 picks a free one)
  --host ADDR            address to bind (default 127.0.0.1; 0.0.0.0 to reach it from a phone on the LAN)
  --fixtures FILE        seed data (default fixtures/default.yaml)
  --state FILE           keep state, sandboxes and clocks across restarts in a SQLite database
                         (created if missing; on disk before each 2xx; a JSON state file is imported once)
  --reset-state          start from the fixtures over an unreadable --state file (which is then replaced)
  --providers LIST       only these providers, comma-separated: ${PROVIDERS.join(',')}
  --latency RANGE        added latency per request, e.g. 50-200ms or 100ms
  --admin-token TOKEN    require "Authorization: Bearer TOKEN" on /__admin (at least 8 characters)
  --strict               a response that breaks the document becomes a 500 (default off; on in tests)
  --tls-cert FILE        serve HTTPS with this certificate (with --tls-key; for iOS ATS)
  --tls-key FILE         the certificate's private key
  --log-level LEVEL      ${LOG_LEVELS.join(', ')} (default info)
  --log-format FORMAT    pretty or json (default pretty in a terminal; otherwise json, with the banner as text on stderr)
  --watch                reload fixtures and document when they change, keeping live sessions
  --body-limit BYTES     largest request body (default 1048576)
${REGISTRY.options.map(toHelpLine).join('\n')}

Options for docs:
  --out DIR              folder for index.html, openapi.json and Swagger UI's files (required)
  --server-url URL       where "Try it out" sends requests (default http://127.0.0.1:4010)
  --title TEXT           page title (default: the document's info.title)

Exit codes: 0 stopped cleanly, 1 failed to start (the message says why), 2 bad command line,
  3 the port is in use or not allowed, 4 a --tls-cert / --tls-key file is unreadable or not what it should be.

Examples:
  authmock serve
  authmock serve --host 0.0.0.0 --port 8080 --latency 50-200ms
  authmock serve --state .authmock-state.db --providers ${REGISTRY.names.slice(0, 2).join(',')}
  authmock docs --out site && open site/index.html
  curl -X POST localhost:4010/__admin/clock -H 'content-type: application/json' -d '{"advance":"PT5M"}'
`;

/** node:util parseArgs (strict, with positionals) whose errors become usage errors (exit 2). */
function parseOrUsage<const O extends NonNullable<ParseArgsConfig['options']>>(args: ReadonlyArray<string>, options: O) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec((error as Error).message)?.[1];
    if (unknown === undefined) throw new UsageError((error as Error).message);
    const guess = closestName(unknown.replace(/^-+/, '').split('=')[0]!, Object.keys(options));
    throw new UsageError(`unknown option '${unknown}'${guess ? `; did you mean '--${guess}'?` : ''}`);
  }
}

function parseLatency(text: string): { minMs: number; maxMs: number } {
  const match = /^(\d+)(?:ms)?(?:-(\d+)(?:ms)?)?$/.exec(text.trim());
  if (!match) throw new UsageError(`--latency '${text}' is not a range such as 50-200ms or 100ms`);
  const minMs = Number(match[1]);
  const maxMs = match[2] === undefined ? minMs : Number(match[2]);
  if (maxMs < minMs) throw new UsageError(`--latency '${text}': the upper bound is below the lower one`);
  return { minMs, maxMs };
}

function parseInteger(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`--${name} '${text}' must be a whole number from ${min} to ${max}`);
  return Number(text);
}

export function parseConfig(argv: ReadonlyArray<string>, isTty: boolean): Config {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { command: 'help' };
  if (first === '--version' || first === '-v') return { command: 'version' };
  if (first === 'docs') return parseDocsConfig(rest);
  if (first !== 'serve') return { command: 'other', name: first, argv: rest };
  const parsed = parseOrUsage(rest, {
    port: { type: 'string' },
    host: { type: 'string' },
    fixtures: { type: 'string' },
    state: { type: 'string' },
    'reset-state': { type: 'boolean' },
    providers: { type: 'string' },
    latency: { type: 'string' },
    'admin-token': { type: 'string' },
    strict: { type: 'boolean' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'log-level': { type: 'string' },
    'log-format': { type: 'string' },
    watch: { type: 'boolean' },
    'body-limit': { type: 'string' },
    ...Object.fromEntries(REGISTRY.options.map((o) => [o.name, { type: 'string' as const }])),
    help: { type: 'boolean', short: 'h' },
  });
  const v = parsed.values;
  if (v.help) return { command: 'help' };
  if (parsed.positionals.length > 1) throw new UsageError(`serve takes one document, got ${parsed.positionals.length}`);
  const providers = v.providers?.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
  for (const p of providers ?? []) if (!PROVIDERS.includes(p)) throw new UsageError(`--providers: unknown provider '${p}' (known: ${PROVIDERS.join(', ')})`);
  if (providers?.length === 0) throw new UsageError('--providers needs at least one provider');
  const logLevel = v['log-level'] ?? defaultSettings().logLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new UsageError(`--log-level '${logLevel}' is not one of ${LOG_LEVELS.join(', ')}`);
  const logFormat = v['log-format'] ?? (isTty ? 'pretty' : 'json');
  if (logFormat !== 'pretty' && logFormat !== 'json') throw new UsageError(`--log-format '${logFormat}' is not pretty or json`);
  if (Boolean(v['tls-cert']) !== Boolean(v['tls-key'])) throw new UsageError('--tls-cert and --tls-key go together');
  if (v['admin-token'] !== undefined && v['admin-token'].length < ADMIN_TOKEN_MIN) throw new UsageError(`--admin-token must be at least ${ADMIN_TOKEN_MIN} characters`);
  const providerSettings = readProviderSettings(v as Readonly<Record<string, unknown>>);
  const defaults = defaultSettings();
  return {
    ...defaults,
    command: 'serve',
    document: parsed.positionals[0] ?? defaults.document,
    port: v.port === undefined ? defaults.port : parseInteger('port', v.port, 0, 65535),
    host: v.host ?? defaults.host,
    fixtures: v.fixtures ?? defaults.fixtures,
    state: v.state,
    resetState: v['reset-state'] ?? defaults.resetState,
    providers,
    latency: v.latency === undefined ? defaults.latency : parseLatency(v.latency),
    adminToken: v['admin-token'],
    strict: v.strict ?? defaults.strict,
    tlsCert: v['tls-cert'],
    tlsKey: v['tls-key'],
    logLevel: logLevel as ServeConfig['logLevel'],
    logFormat,
    bannerText: logFormat === 'pretty' ? 'stdout' : v['log-format'] === undefined ? 'stderr' : 'none',
    watch: v.watch ?? defaults.watch,
    bodyLimit: v['body-limit'] === undefined ? defaults.bodyLimit : parseInteger('body-limit', v['body-limit'], 1, 1024 * 1024 * 1024),
    providerSettings,
  };
}

/** The providers' own options, read by each provider; a bad value is a usage error. */
function readProviderSettings(values: Readonly<Record<string, unknown>>): ProviderSettings {
  const given = Object.fromEntries(REGISTRY.options.map((o) => [o.name, typeof values[o.name] === 'string' ? (values[o.name] as string) : undefined]));
  try {
    return REGISTRY.readSettings(given);
  } catch (error) {
    if (error instanceof ProviderOptionError) throw new UsageError(error.message);
    throw error;
  }
}

function parseDocsConfig(rest: ReadonlyArray<string>): Config {
  const parsed = parseOrUsage(rest, {
    out: { type: 'string' },
    'server-url': { type: 'string' },
    title: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const v = parsed.values;
  if (v.help) return { command: 'help' };
  if (parsed.positionals.length > 1) throw new UsageError(`docs takes one document, got ${parsed.positionals.length}`);
  if (!v.out) throw new UsageError('docs needs --out DIR (the folder to write the site into)');
  if (v['server-url'] !== undefined && toServerUrl(v['server-url']) === undefined) {
    throw new UsageError(`--server-url '${v['server-url']}' is not an absolute http(s) URL such as http://192.168.1.20:4010`);
  }
  return { command: 'docs', document: parsed.positionals[0] ?? DEFAULT_DOCUMENT, out: v.out, serverUrl: v['server-url'], title: v.title };
}

// The start-up banner: where each provider lives, the admin and docs URLs, the seeded credentials, how to move the clock.

import type { Settings } from './config.js';
import type { RunningServer } from './server.js';
import type { Logger } from './logger.js';
import { maskSecret } from './engine/secrets.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export interface BannerData {
  url: string;
  providers: Record<string, string>;
  admin: string;
  docs: string;
  credentials: Record<string, Array<{ label: string; value: string }>>;
  clock: string;
}

/** Secrets are masked when the mock is reachable from other machines, or when the banner goes to a log (`json`). */
export function bannerData(running: RunningServer, host: string, format: 'pretty' | 'json' = 'pretty'): BannerData {
  const shared = !LOOPBACK.has(host) || format === 'json';
  const providers: Record<string, string> = {};
  const credentials: BannerData['credentials'] = {};
  for (const p of running.mock.providers) {
    providers[p.name] = `${running.url}${p.basePath}`;
    const hints = p.credentialHints?.(running.mock.fixtures[p.name]) ?? [];
    credentials[p.name] = hints.slice(0, 4).map((h) => ({ label: h.label, value: h.secret && shared ? maskSecret(h.value) : h.value }));
  }
  return {
    url: running.url,
    providers,
    admin: `${running.url}/__admin`,
    docs: `${running.url}/docs`,
    credentials,
    clock: `curl -X POST ${running.url}/__admin/clock -H 'content-type: application/json' -d '{"advance":"PT5M"}'`,
  };
}

/**
 * The JSON log's banner line (secrets masked) when the log is JSON, and the readable banner on `config.bannerText`
 * (credentials in clear on loopback, where only this machine can use them).
 */
export function printBanner(
  running: RunningServer,
  config: Pick<Settings, 'host' | 'logFormat' | 'bannerText'>,
  logger: Logger,
  streams: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = { stdout: process.stdout, stderr: process.stderr },
): void {
  if (config.logFormat === 'json') logger.info({ banner: bannerData(running, config.host, 'json') }, 'authmock listening');
  if (config.bannerText === 'none') return;
  streams[config.bannerText].write(bannerText(bannerData(running, config.host, 'pretty')));
}

/** The banner as lines of plain text (no colour codes: it may go to a file). */
export function bannerText(data: BannerData): string {
  const lines = [`authmock listening on ${data.url}`, ''];
  for (const [name, url] of Object.entries(data.providers)) {
    lines.push(`  ${name.padEnd(9)} ${url}`);
    for (const c of data.credentials[name] ?? []) lines.push(`              ${c.label}: ${c.value}`);
  }
  lines.push('', `  admin     ${data.admin}   docs ${data.docs}`, `  fast-forward the clock: ${data.clock}`, '');
  return `${lines.join('\n')}\n`;
}

// The start-up banner: where each provider lives, the admin and docs URLs, the seeded credentials, how to move the clock.

import type { ServeConfig } from './config.js';
import type { RunningServer } from './server.js';
import type { Logger } from './app.js';
import { maskSecret } from './security/secrets.js';

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

export function printBanner(running: RunningServer, config: ServeConfig, logger: Logger, out: NodeJS.WritableStream = process.stdout): void {
  const data = bannerData(running, config.host, config.logFormat);
  if (config.logFormat === 'json') {
    logger.info({ banner: data }, 'authmock listening');
    return;
  }
  const lines = [`authmock listening on ${data.url}`, ''];
  for (const [name, url] of Object.entries(data.providers)) {
    lines.push(`  ${name.padEnd(9)} ${url}`);
    for (const c of data.credentials[name] ?? []) lines.push(`              ${c.label}: ${c.value}`);
  }
  lines.push('', `  admin     ${data.admin}   docs ${data.docs}`, `  fast-forward the clock: ${data.clock}`, '');
  out.write(`${lines.join('\n')}\n`);
}

// Where a consumer test's pact goes: pact-js writes it into a private directory, and once every test of the file has
// passed it is moved atomically into contracts/pacts/, so the provider verification (which runs in parallel) never
// reads a half-written or half-merged pact. In CI a pact that differs from the committed one fails the run.

import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PactV3, V3MockServer } from '@pact-foundation/pact';
import { afterAll, beforeEach } from 'vitest';

/** contracts/pacts/, where the committed pacts live. */
export const PACTS_DIR = fileURLToPath(new URL('../pacts/', import.meta.url));

export interface PactOutput {
  /** Give this to PactV3 as `dir`. */
  dir: string;
  /** The committed file: contracts/pacts/<consumer>-<provider>.json. */
  target: string;
}

export function pactOutput(consumer: string, provider: string): PactOutput {
  const dir = mkdtempSync(join(tmpdir(), `authmock-pact-${consumer}-`));
  const name = `${consumer}-${provider}.json`;
  const target = join(PACTS_DIR, name);
  let failed = false;
  beforeEach(({ onTestFailed }) => onTestFailed(() => void (failed = true)));
  afterAll(() => {
    const written = join(dir, name);
    try {
      if (failed || !existsSync(written)) return;
      const text = readFileSync(written, 'utf8');
      const committed = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
      if (committed === text) return;
      const temp = `${target}.tmp-${process.pid}`;
      writeFileSync(temp, text);
      renameSync(temp, target);
      if (process.env['CI']) {
        throw new Error(`contracts/pacts/${name} changed when the consumer tests ran: run npm test locally and commit the pact`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return { dir, target };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `pact.executeTest`, but the mock server gets up to 2 s to record what it already answered before pact-js reads it:
 * under CPU load the Rust mock server can reply to a request and record the match a moment later, so pact-js reports
 * "expected but not received" for a request the client demonstrably got its answer to (pact-js #1835,
 * pact-reference #535). A request that really never came still fails, 2 s later.
 */
export function runWith(pact: PactV3): (test: (url: string) => Promise<void>) => Promise<void> {
  const settled = async ({ port }: V3MockServer): Promise<void> => {
    // pact-js makes a new native handle after every test, so read it now.
    const handle = (pact as unknown as { pact?: { mockServerMatchedSuccessfully?: (port: number) => boolean } }).pact;
    const matched = handle?.mockServerMatchedSuccessfully;
    if (!matched) return;
    for (let waited = 0; waited < 2000 && !matched.call(handle, port); waited += 25) await sleep(25);
  };
  return async (test) => {
    await pact.executeTest(async (server) => {
      await test(server.url);
      await settled(server);
    });
  };
}

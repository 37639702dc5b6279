// A start with a warm cache compiles nothing: the ajv compiler is not even loaded (it costs ~50 ms of every start).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cacheDir = mkdtempSync(join(tmpdir(), 'authmock-warm-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Build the app from dist/ in a fresh process; print which ajv modules it loaded. */
function startAndList(): string[] {
  const server = pathToFileURL(resolve('dist/server.js')).href;
  const config = pathToFileURL(resolve('dist/config.js')).href;
  const script = `
    const { createRequire } = await import('node:module');
    const { buildApp } = await import(${JSON.stringify(server)});
    const { resolveSettings } = await import(${JSON.stringify(config)});
    const mock = await buildApp({ settings: resolveSettings(), cacheDir: ${JSON.stringify(cacheDir)} });
    await new Promise((r) => setTimeout(r, 300)); // the validator cache is written after start-up
    mock.close();
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => /[\\\\/]ajv[\\\\/]dist[\\\\/]/.test(k));
    console.log(JSON.stringify(loaded.map((k) => k.replace(/^.*node_modules[\\\\/]/, ''))));
    process.exit(0);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as string[];
}

describe('start-up with the validator cache', () => {
  it('compiles with ajv on a cold cache, and loads only its small runtime helpers once the cache is warm', () => {
    const cold = startAndList();
    expect(cold.some((m) => m.endsWith('ajv/dist/core.js'))).toBe(true);
    const warm = startAndList();
    expect(warm.filter((m) => !m.startsWith('ajv/dist/runtime/'))).toEqual([]);
  });
});

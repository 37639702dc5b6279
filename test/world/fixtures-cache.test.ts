// The fixtures file is parsed once per content: later starts read the cached JSON, an edit is parsed again,
// and what JSON cannot keep exactly (YAML's .inf) is never cached.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixtureError, createFixtureValidator, loadFixtures } from '../../src/world/fixtures.js';
import { createProviders } from '../../src/providers/registry.js';

const validate = createFixtureValidator(createProviders({}));

describe('loadFixtures with a cache directory', () => {
  let dir: string;
  let cache: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'authmock-fixtures-'));
    cache = join(dir, 'cache');
    await mkdir(cache, { mode: 0o700 });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const cached = async (): Promise<string[]> => (await readdir(cache)).filter((f) => f.startsWith('fixtures-'));

  it('gives the same fixtures from the cache as from the YAML, and parses an edited file again', async () => {
    const file = join(dir, 'f.yaml');
    await writeFile(file, 'devicehq:\n  accounts:\n    - id: acct-a\n      name: A\n      api_key: aaaaaaaaaaaaaaaaaa\n');
    const first = await loadFixtures(file, validate, { cacheDir: cache });
    expect(await cached()).toHaveLength(1);
    const again = await loadFixtures(file, validate, { cacheDir: cache });
    expect(again).toEqual(first);

    await writeFile(file, 'devicehq:\n  accounts:\n    - id: acct-b\n      name: B\n      api_key: bbbbbbbbbbbbbbbbbb\n');
    const edited = await loadFixtures(file, validate, { cacheDir: cache });
    expect(JSON.stringify(edited)).toContain('acct-b');
    expect(JSON.stringify(edited)).not.toContain('acct-a');
    expect(await cached()).toHaveLength(2);
  });

  it('still validates what comes from the cache', async () => {
    const file = join(dir, 'f.yaml');
    await writeFile(file, 'devicehq:\n  accounts:\n    - id: acct-a\n      name: A\n      api_key: aaaaaaaaaaaaaaaaaa\n');
    await loadFixtures(file, validate, { cacheDir: cache });
    const [entry] = await cached();
    // Tamper with the cached parse: the validator must still see (and refuse) it.
    await writeFile(join(cache, entry!), JSON.stringify({ twitter: {} }));
    await expect(loadFixtures(file, validate, { cacheDir: cache })).rejects.toBeInstanceOf(FixtureError);
  });

  it('does not cache a parse JSON would change, and reports YAML errors with line and column', async () => {
    const file = join(dir, 'f.yaml');
    await writeFile(file, 'x: .inf\n');
    await expect(loadFixtures(file, validate, { cacheDir: cache })).rejects.toBeInstanceOf(FixtureError);
    expect(await cached()).toHaveLength(0);

    await writeFile(file, 'devicehq: [\n');
    const error = await loadFixtures(file, validate, { cacheDir: cache }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FixtureError);
    expect(String((error as Error).message)).toMatch(/line \d+, column \d+|not valid YAML/);
    expect(await readFile(file, 'utf8')).toBe('devicehq: [\n');
  });
});

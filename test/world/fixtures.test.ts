// A fixtures file with several mistakes: every one reported at once, each with its path, a misspelt key named.

import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProviders } from '../../src/providers/registry.js';
import { DEFAULT_FIXTURES } from '../../src/paths.js';
import { writePrebuilt } from '../../src/prebuilt.js';
import { createFixtureValidator, FixtureError, loadFixtures, readPrebuiltFixtures, toPrebuiltFixtures } from '../../src/world/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'authmock-fixtures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const validate = createFixtureValidator(createProviders());

const THREE_MISTAKES = `
devicehq:
  accounts:
    - id: acct-a
      name: A
      api_kye: 5sHszZNuTfmgs58VGA
      devices:
        - id: '1'
          name: Pump
          serial: S-1
          status: online
          created_at: yesterday
emnfy: {}
`;

describe('fixtures with several mistakes', () => {
  it('reports all of them, each with its path, and names the key a misspelt one was meant to be', async () => {
    const file = join(dir, 'three.yaml');
    writeFileSync(file, THREE_MISTAKES);
    const error = (await loadFixtures(file, validate).catch((e: unknown) => e)) as FixtureError;
    expect(error).toBeInstanceOf(FixtureError);
    const byPath = new Map(error.problems.map((p) => [p.path, p.reason]));
    expect(byPath.get('/devicehq/accounts/0/api_kye')).toBe("unknown key 'api_kye'; did you mean 'api_key'?");
    expect(byPath.get('/emnfy')).toBe("unknown key 'emnfy'; did you mean 'emnify'?");
    expect(byPath.get('/devicehq/accounts/0/devices/0/created_at')).toMatch(/^must match pattern/);
    expect(byPath.get('/devicehq/accounts/0')).toBe("missing required key 'api_key'");
    expect(error.message.split('\n')[0]).toBe(`${file} has ${error.problems.length} mistakes:`);
    for (const path of byPath.keys()) expect(error.message).toContain(`  - ${path}: `);
  });

  it('keeps the one-line message for a single mistake', () => {
    expect(() => validate('one.yaml', { duet: { accounts: 'x' } })).toThrow(expect.objectContaining({ message: expect.stringMatching(/^one\.yaml at \/duet\/accounts: must be array$/) }));
  });
});

describe('fixtures that are not valid YAML', () => {
  it('says where the YAML breaks, by line and column, and leaves the file alone', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'devicehq: [\n');
    const error = (await loadFixtures(file, validate).catch((e: unknown) => e)) as FixtureError;
    expect(error).toBeInstanceOf(FixtureError);
    expect(error.path).toMatch(/^line \d+, column \d+$/);
    expect(error.reason).toMatch(/^not valid YAML: /);
    expect(readFileSync(file, 'utf8')).toBe('devicehq: [\n');
  });
});

/** A copy of the shipped fixtures and the build output for it (validated for every provider); gives their paths. */
async function copyAndPrebuild(): Promise<{ file: string; prebuilt: string }> {
  const base = mkdtempSync(join(dir, 'copy-'));
  const file = join(base, 'default.yaml');
  copyFileSync(DEFAULT_FIXTURES, file);
  const prebuilt = join(base, 'dist');
  await writePrebuilt(prebuilt, file, [file], await toPrebuiltFixtures(file, createProviders()));
  return { file, prebuilt };
}

describe('fixtures validated at build time (dist/fixtures)', () => {
  it('are the shipped fixtures exactly as reading and validating the file gives them', async () => {
    const { file, prebuilt } = await copyAndPrebuild();
    const fixtures = await readPrebuiltFixtures(file, createProviders(), prebuilt);
    expect(fixtures).toBeDefined();
    expect(fixtures).toEqual(await loadFixtures(DEFAULT_FIXTURES, validate));
  });

  it('are not used once the file is edited: the edit is read and validated', async () => {
    const { file, prebuilt } = await copyAndPrebuild();
    appendFileSync(file, 'emnfy: {}\n');
    await expect(readPrebuiltFixtures(file, createProviders(), prebuilt)).resolves.toBeUndefined();
    await expect(loadFixtures(file, validate)).rejects.toThrow(expect.objectContaining({ code: 'fixtures.invalid', path: '/emnfy' }));
  });

  it('are not used for providers that ask for another schema than the one they were validated against', async () => {
    const { file, prebuilt } = await copyAndPrebuild();
    await expect(readPrebuiltFixtures(file, createProviders().slice(1), prebuilt)).resolves.toBeUndefined();
    const [first, ...rest] = createProviders();
    const changed = { ...first!, fixtureSchema: { ...first!.fixtureSchema, maxProperties: 0 } };
    await expect(readPrebuiltFixtures(file, [changed, ...rest], prebuilt)).resolves.toBeUndefined();
  });
});

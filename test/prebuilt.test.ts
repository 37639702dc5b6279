// The build's output is used only while every file it was made from is byte-for-byte unchanged, and only for its own path.

import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPrebuilt, writePrebuilt } from '../src/prebuilt.js';

const work = mkdtempSync(join(tmpdir(), 'authmock-prebuilt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A root file and a file it refers to, and the build output for them in dist/; gives their paths. */
async function build(): Promise<{ base: string; file: string; part: string; dir: string; output: string }> {
  const base = mkdtempSync(join(work, 'copy-'));
  mkdirSync(join(base, 'docs'));
  const file = join(base, 'docs', 'root.yaml');
  const part = join(base, 'docs', 'part.yaml');
  writeFileSync(file, 'root: { $ref: part.yaml }\n');
  writeFileSync(part, 'part: 1\n');
  const dir = join(base, 'dist', 'out');
  const output = await writePrebuilt(dir, file, [file, part], { made: 'by the build' });
  return { base, file, part, dir, output };
}

describe('readPrebuilt', () => {
  it('gives what the build made while every file it was made from is unchanged', async () => {
    const { file, dir } = await build();
    await expect(readPrebuilt(file, dir)).resolves.toEqual({ made: 'by the build' });
  });

  it('still finds its files when the whole folder moves (an installed package)', async () => {
    const { base } = await build();
    const moved = join(work, `moved-${Date.now()}`);
    cpSync(base, moved, { recursive: true });
    await expect(readPrebuilt(join(moved, 'docs', 'root.yaml'), join(moved, 'dist', 'out'))).resolves.toEqual({ made: 'by the build' });
  });

  it.each<[string, (paths: { file: string; part: string; output: string }) => void]>([
    ['the root file is edited', ({ file }) => appendFileSync(file, '# edited\n')],
    ['a file it refers to is edited', ({ part }) => writeFileSync(part, 'part: 2\n')],
    ['a file it refers to is gone', ({ part }) => rmSync(part)],
    ['the build output is gone', ({ output }) => rmSync(output)],
    ['the build output is not JSON', ({ output }) => writeFileSync(output, '{ "format": 1, "val')],
    ['the build output has another format', ({ output }) => writeFileSync(output, readFileSync(output, 'utf8').replace('"format":1', '"format":0'))],
  ])('gives nothing once %s', async (_name, spoil) => {
    const paths = await build();
    spoil(paths);
    await expect(readPrebuilt(paths.file, paths.dir)).resolves.toBeUndefined();
  });

  it("gives nothing for a file of the same name and content at another path (a user's own)", async () => {
    const { base, dir } = await build();
    const other = join(base, 'mine');
    cpSync(join(base, 'docs'), other, { recursive: true });
    await expect(readPrebuilt(join(other, 'root.yaml'), dir)).resolves.toBeUndefined();
  });
});

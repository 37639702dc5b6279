// watchFiles on a temporary folder: one call per save (plain or by rename), other files ignored, saves during a call run it again, close stops it.

import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchFiles, type FileWatch } from '../src/watch.js';

const SETTLE_MS = 100;
/** Long enough for the folder watcher to report and the settle time to pass, on a busy machine. */
const QUIET_MS = 500;

let dir: string;
let watch: FileWatch | undefined;
let calls: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'authmock-watch-'));
  writeFileSync(join(dir, 'fixtures.yaml'), 'a: 1\n');
  writeFileSync(join(dir, 'openapi.yaml'), 'openapi: 3.1.0\n');
  writeFileSync(join(dir, 'notes.txt'), 'x\n');
  calls = [];
});
afterEach(() => {
  watch?.close();
  watch = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const start = (files: string[], onChange: (file: string) => Promise<void> = async (file) => void calls.push(file)): void => {
  watch = watchFiles(files, onChange, SETTLE_MS);
};

describe('watchFiles', () => {
  it.each<[string, { given: (dir: string) => void; want: string[] }]>([
    ['a plain save', { given: (d) => writeFileSync(join(d, 'fixtures.yaml'), 'a: 2\n'), want: ['fixtures.yaml'] }],
    [
      "an editor's safe write: a temporary file renamed over it",
      {
        given: (d) => {
          writeFileSync(join(d, '.fixtures.yaml.swp'), 'a: 3\n');
          renameSync(join(d, '.fixtures.yaml.swp'), join(d, 'fixtures.yaml'));
        },
        want: ['fixtures.yaml'],
      },
    ],
    [
      'several writes at once are one save',
      {
        given: (d) => {
          for (let i = 0; i < 5; i++) writeFileSync(join(d, 'fixtures.yaml'), `a: ${i}\n`);
        },
        want: ['fixtures.yaml'],
      },
    ],
    ['a file in the same folder that is not watched', { given: (d) => writeFileSync(join(d, 'notes.txt'), 'y\n'), want: [] }],
    [
      'each watched file by the name it was given',
      {
        given: (d) => {
          writeFileSync(join(d, 'fixtures.yaml'), 'a: 4\n');
          writeFileSync(join(d, 'openapi.yaml'), 'openapi: 3.1.1\n');
        },
        want: ['fixtures.yaml', 'openapi.yaml'],
      },
    ],
  ])('%s', async (_name, { given, want }) => {
    start([join(dir, 'fixtures.yaml'), join(dir, 'openapi.yaml')]);
    given(dir);
    if (want.length > 0) await vi.waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(want.length), { timeout: 5000 });
    await sleep(QUIET_MS);
    expect(calls.map((file) => file.slice(dir.length + 1)).sort()).toEqual(want);
  });

  it('a save while the last one is being handled runs the handler again afterwards, never two at once', async () => {
    let active = 0;
    let most = 0;
    start([join(dir, 'fixtures.yaml')], async (file) => {
      active++;
      most = Math.max(most, active);
      calls.push(file);
      if (calls.length === 1) {
        writeFileSync(join(dir, 'fixtures.yaml'), 'a: during\n');
        await sleep(QUIET_MS);
      }
      active--;
    });
    writeFileSync(join(dir, 'fixtures.yaml'), 'a: first\n');
    await vi.waitFor(() => expect(calls).toHaveLength(2), { timeout: 5000 });
    expect(most).toBe(1);
  });

  it('a handler that fails does not stop the next save', async () => {
    start([join(dir, 'fixtures.yaml')], async (file) => {
      calls.push(file);
      if (calls.length === 1) throw new Error('reload failed');
    });
    writeFileSync(join(dir, 'fixtures.yaml'), 'a: 5\n');
    await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 5000 });
    await sleep(QUIET_MS);
    writeFileSync(join(dir, 'fixtures.yaml'), 'a: 6\n');
    await vi.waitFor(() => expect(calls).toHaveLength(2), { timeout: 5000 });
  });

  it('close stops it, a save already waiting included', async () => {
    start([join(dir, 'fixtures.yaml')]);
    writeFileSync(join(dir, 'fixtures.yaml'), 'a: 7\n');
    await sleep(5);
    watch!.close();
    writeFileSync(join(dir, 'fixtures.yaml'), 'a: 8\n');
    await sleep(QUIET_MS);
    expect(calls).toEqual([]);
  });
});

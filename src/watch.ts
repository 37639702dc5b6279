// Watch files for `--watch` by their folders: an editor's safe write (or `sed -i`) replaces the file by a rename,
// which ends a watch on the file itself after the first save; a watch on its folder sees every save.

import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export interface FileWatch {
  close(): void;
}

/**
 * Call `onChange(file)` once per save of any of `files` (events within `settleMs` are one save: a rename-save
 * reports the temporary file, the rename and a change). A change during `onChange` runs it again afterwards.
 */
export function watchFiles(files: ReadonlyArray<string>, onChange: (file: string) => Promise<void>, settleMs = 150): FileWatch {
  const byFolder = new Map<string, Map<string, string>>();
  for (const file of files) {
    const absolute = resolve(file);
    const folder = dirname(absolute);
    if (!byFolder.has(folder)) byFolder.set(folder, new Map());
    byFolder.get(folder)!.set(basename(absolute), file);
  }
  const timers = new Map<string, NodeJS.Timeout>();
  let running: Promise<void> = Promise.resolve();
  const schedule = (file: string): void => {
    clearTimeout(timers.get(file));
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file);
        running = running.then(() => onChange(file)).catch(() => undefined);
      }, settleMs),
    );
  };
  const watchers: FSWatcher[] = [];
  for (const [folder, names] of byFolder) {
    const watcher = watch(folder, { persistent: true }, (_event, name) => {
      const file = name === null ? undefined : names.get(name.toString());
      if (file !== undefined) schedule(file);
    });
    watchers.push(watcher);
  }
  return {
    close() {
      for (const w of watchers) w.close();
      for (const t of timers.values()) clearTimeout(t);
    },
  };
}

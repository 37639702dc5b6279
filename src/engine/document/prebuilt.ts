// Documents bundled and validated at build time, used at start while their source files are byte-for-byte unchanged (saves ~0.5 s of the start).

import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { OpenApiDocument } from './load-document.js';

/** Bumped whenever what is written changes meaning: an older build's files are then ignored. */
const FORMAT = 1;

/** A document as the build leaves it: its root file and every file it was bundled from (paths relative to the folder), each with its sha256. */
interface PrebuiltFile {
  format: number;
  document: string;
  sources: Record<string, string>;
  bundled: OpenApiDocument;
}

/** What the build writes for one document: the bundled, validated document and the files it was read from. */
export interface PrebuiltInput {
  bundled: OpenApiDocument;
  sources: ReadonlyArray<string>;
}

const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/** Where the build output for `file` lives in `dir`: its name without the extension, as JSON. */
const prebuiltPath = (dir: string, file: string): string => join(dir, `${basename(file, extname(file))}.json`);

/** Write the build output for one document into `dir` (created when missing); gives the file written. */
export async function writePrebuilt(dir: string, file: string, input: PrebuiltInput): Promise<string> {
  const sources: Record<string, string> = {};
  for (const source of input.sources) sources[relative(dir, source)] = sha256(await readFile(source));
  const out: PrebuiltFile = { format: FORMAT, document: relative(dir, resolve(file)), sources, bundled: input.bundled };
  await mkdir(dir, { recursive: true });
  const target = prebuiltPath(dir, file);
  await writeFile(target, JSON.stringify(out));
  return target;
}

/**
 * The bundled document the build wrote for `file`, or undefined when there is none for that file, or any of its
 * source files differs from the one it was built from (an edit after the build, a user's own document).
 */
export async function readPrebuilt(file: string, dir: string): Promise<OpenApiDocument | undefined> {
  let entry: PrebuiltFile;
  try {
    entry = JSON.parse(await readFile(prebuiltPath(dir, file), 'utf8')) as PrebuiltFile;
  } catch {
    return undefined;
  }
  if (entry.format !== FORMAT || resolve(dir, entry.document) !== resolve(file)) return undefined;
  for (const [source, hash] of Object.entries(entry.sources)) {
    let content: Buffer;
    try {
      content = await readFile(resolve(dir, source));
    } catch {
      return undefined;
    }
    if (sha256(content) !== hash) return undefined;
  }
  return entry.bundled;
}

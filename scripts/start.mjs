// `npm start`: compile to dist/ only when src/ is newer than dist/ (0.6 s to healthy instead of 7 s), then serve.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isStale } from './stale-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');

const compile = isStale(root);
if (compile) {
  process.stderr.write('authmock: src/ is newer than dist/; compiling first\n');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
}
// The shipped documents and fixtures checked once (scripts/prebuild.mjs writes the fixtures last), not at every start.
// One that does not validate is left to `serve`, which names the mistake and exits as it always does.
if (compile || !existsSync(join(root, 'dist', 'fixtures', 'default.json'))) {
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'prebuild.mjs')], { stdio: 'ignore', cwd: root });
  } catch {
    // serve reads the files itself
  }
}
// Run the CLI in this process, so that Ctrl-C and SIGTERM reach it directly; it reads the arguments after its path.
process.argv = [process.argv[0] ?? process.execPath, cli, ...process.argv.slice(2)];
await import(pathToFileURL(cli).href);

// Generates src/generated/*.d.ts from the OpenAPI documents with openapi-typescript; `--check` only compares.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('../', import.meta.url);

/** Each document and the file its types go to, relative to the repository root. */
const targets = [
  { source: 'openapi/authmock.yaml', output: 'src/generated/openapi.d.ts' },
  { source: 'openapi/admin.yaml', output: 'src/generated/admin.d.ts' },
];

const check = process.argv.includes('--check');
const unknownArgs = process.argv.slice(2).filter((arg) => arg !== '--check');
if (unknownArgs.length > 0) {
  console.error(`gen-types: unknown argument(s) ${unknownArgs.join(' ')}; usage: node scripts/gen-types.mjs [--check]`);
  process.exit(2);
}

/** The full text of one generated file: a one-line header, then openapi-typescript's output. */
async function render({ source }) {
  const ast = await openapiTS(new URL(source, root), { silent: true });
  const header = `// Generated from ${source} by scripts/gen-types.mjs (openapi-typescript); do not edit by hand.\n`;
  return header + astToString(ast);
}

async function readIfPresent(url) {
  try {
    return await readFile(url, 'utf8');
  } catch (error) {
    if (error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

const stale = [];
for (const target of targets) {
  const text = await render(target);
  const outputUrl = new URL(target.output, root);
  if (check) {
    const current = await readIfPresent(outputUrl);
    if (current !== text) stale.push(`${target.output} (${current === undefined ? 'missing' : 'differs'} from ${target.source})`);
  } else {
    await mkdir(new URL('./', outputUrl), { recursive: true });
    await writeFile(outputUrl, text);
    console.log(`gen-types: wrote ${fileURLToPath(outputUrl)}`);
  }
}

if (check) {
  if (stale.length > 0) {
    console.error('gen-types --check: generated types are out of step with the OpenAPI documents:');
    for (const line of stale) console.error(`  - ${line}`);
    console.error('Run `npm run gen:types` (node scripts/gen-types.mjs) and commit the result.');
    process.exit(1);
  }
  console.log(`gen-types --check: ${targets.map((t) => t.output).join(', ')} are up to date.`);
}

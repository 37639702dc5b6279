#!/usr/bin/env node
// Measure authmock on third-party OpenAPI documents and pacts kept outside the repository (issue 15): does each
// document load, does every operation answer without a 5xx, and does check-pacts agree with swagger-mock-validator?
//
//   npm run -s build
//   node scripts/measure-documents.mjs DOCS... [--pairs pairs.json] [--smv BIN] [--prism BIN]
//
// DOCS: OpenAPI documents, or folders whose files (not sub-folders) that open with `openapi` are taken.
// --pairs: a JSON list of {"document", "pact"} (paths relative to the list) checked with check-pacts, and with
//          swagger-mock-validator when --smv names its binary; the verdicts (pass/fail) are compared.
// --strict-fields: check-pacts with --strict-fields (undocumented response fields fail, as in swagger-mock-validator).
// --prism: Prism's binary; each document is also started with `prism mock` to compare which load, and start-up times.
// Nothing is written; one line per document or pair, then the totals.

import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('../dist/', import.meta.url);
const { loadDocument } = await import(new URL('engine/document/load-document.js', root).href);
const { createApp } = await import(new URL('http/app.js', root).href);
const { resolveSettings } = await import(new URL('config.js', root).href);
const { buildOperationIndex } = await import(new URL('engine/document/operation-index.js', root).href);
const { sampleFromSchema } = await import(new URL('engine/example.js', root).href);
const { createPactChecker } = await import(new URL('contracts/check-pacts.js', root).href);
const { readPactFile } = await import(new URL('contracts/pact-file.js', root).href);

const { values, positionals } = parseArgs({ allowPositionals: true, options: { pairs: { type: 'string' }, smv: { type: 'string' }, prism: { type: 'string' }, 'strict-fields': { type: 'boolean' } } });

function documentsIn(paths) {
  const out = [];
  for (const path of paths) {
    if (!statSync(path).isDirectory()) {
      out.push(resolve(path));
      continue;
    }
    for (const name of readdirSync(path).sort()) {
      const file = join(path, name);
      if (!/\.(ya?ml|json)$/.test(name) || !statSync(file).isFile()) continue;
      const content = readFileSync(file, 'utf8');
      let isOpenApi = /(^|\n)openapi\s*:\s*["']?3\./.test(content.slice(0, 4000));
      if (!isOpenApi && name.endsWith('.json')) {
        try {
          isOpenApi = /^3\./.test(JSON.parse(content).openapi ?? '');
        } catch {
          // not JSON: not a document
        }
      }
      if (isOpenApi) out.push(resolve(file));
    }
  }
  return out;
}

/** A value for a parameter, as text for a URL or header. */
const text = (schema) => {
  const v = sampleFromSchema(schema);
  return typeof v === 'object' ? '1' : String(v);
};

function requestFor(op) {
  let path = op.path.replace(/\{([^}]+)\}/g, (_, name) => {
    const p = op.parameters.find((x) => x.in === 'path' && x.name === name);
    return encodeURIComponent(p ? text(p.schema) : '1');
  });
  const query = new URLSearchParams();
  const headers = {};
  for (const p of op.parameters) {
    if (!p.required) continue;
    if (p.in === 'query') query.set(p.name, text(p.schema));
    if (p.in === 'header') headers[p.name] = text(p.schema);
  }
  for (const scheme of op.security[0] ?? []) {
    if (scheme.type === 'http' && scheme.httpScheme === 'basic') headers['authorization'] = 'Basic dXNlcjpwYXNz';
    else if (scheme.type === 'apiKey' && scheme.in === 'query') query.set(scheme.paramName, 'key');
    else if (scheme.type === 'apiKey' && scheme.in === 'cookie') headers['cookie'] = `${scheme.paramName}=key`;
    else if (scheme.type === 'apiKey') headers[scheme.paramName] = 'key';
    else headers['authorization'] = 'Bearer token';
  }
  let body;
  const media = op.requestBody?.content[0];
  if (media) {
    const value = media.examples[0]?.value ?? sampleFromSchema(media.schema);
    headers['content-type'] = media.mediaType.includes('*') ? 'application/json' : media.mediaType;
    if (media.mediaType === 'application/x-www-form-urlencoded' && typeof value === 'object') {
      body = new URLSearchParams(Object.entries(value ?? {}).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)])).toString();
    } else body = typeof value === 'string' && !media.mediaType.includes('json') ? value : JSON.stringify(value);
  }
  const q = query.toString();
  return { method: op.method, path: q ? `${path}?${q}` : path, headers, body };
}

async function measureDocument(file) {
  const began = performance.now();
  const warnings = [];
  let spec;
  try {
    spec = await loadDocument(file);
  } catch (error) {
    return { file, loaded: false, reason: error.message.split('\n')[0] };
  }
  const logger = { info() {}, warn: (_o, m) => warnings.push(m), error: (_o, m) => warnings.push(m), isLevelEnabled: () => false };
  let mock;
  try {
    mock = await createApp({ specs: [spec], providers: [], settings: resolveSettings({ strict: false }), logger });
  } catch (error) {
    return { file, loaded: false, reason: `createApp: ${error.message.split('\n')[0]}` };
  }
  const loadMs = performance.now() - began;
  const server = createServer(mock.callback());
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const statuses = {};
  const failures = [];
  const ops = buildOperationIndex(spec);
  for (const op of ops) {
    const r = requestFor(op);
    let status;
    let problem = '';
    try {
      const res = await fetch(base + r.path, { method: r.method, headers: r.headers, body: r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body });
      await res.arrayBuffer();
      status = res.status;
      problem = res.headers.get('x-mock-problem') ?? '';
    } catch (error) {
      status = `fetch failed: ${error.message}`;
    }
    const key = typeof status === 'number' ? `${String(status)[0]}xx` : 'error';
    statuses[key] = (statuses[key] ?? 0) + 1;
    if (typeof status !== 'number' || status >= 500) failures.push(`${op.method} ${op.path} → ${status} ${problem.slice(0, 200)}`);
  }
  mock.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  return { file, loaded: true, loadMs, operations: ops.length, statuses, failures, warnings: warnings.length };
}

/** Start a command and wait until `http://127.0.0.1:port/` answers (any status); resolves the ms or a failure. */
async function startAndTime(command, args, port, timeoutMs = 120_000) {
  const began = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
  try {
    while (performance.now() - began < timeoutMs) {
      if (child.exitCode !== null) return { ok: false, reason: stderr.split('\n').filter(Boolean).slice(-3).join(' | ') };
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        await res.arrayBuffer();
        return { ok: true, ms: performance.now() - began };
      } catch {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    return { ok: false, reason: 'timed out' };
  } finally {
    child.kill();
  }
}

const freePort = () =>
  new Promise((r) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => r(port));
    });
  });

function runSmv(bin, document, pact) {
  return new Promise((r) => {
    const child = spawn(bin, [document, pact], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => r({ code, out }));
  });
}

const documents = documentsIn(positionals);
let loaded = 0;
let prismLoaded = 0;
let total5xx = 0;
for (const file of documents) {
  const m = await measureDocument(file);
  if (m.loaded) loaded++;
  const five = m.failures?.length ?? 0;
  total5xx += five;
  let prism = '';
  if (values.prism) {
    const port = await freePort();
    const p = await startAndTime(values.prism, ['mock', '-p', String(port), '-h', '127.0.0.1', file], port);
    if (p.ok) prismLoaded++;
    const cliPort = await freePort();
    const a = await startAndTime(process.execPath, [new URL('cli.js', root).pathname, 'serve', file, '--port', String(cliPort), '--log-level', 'silent'], cliPort);
    prism = ` | prism ${p.ok ? `loads, up in ${p.ms.toFixed(0)} ms` : `fails: ${p.reason.slice(0, 160)}`} | authmock serve up in ${a.ok ? `${a.ms.toFixed(0)} ms` : `FAIL ${a.reason.slice(0, 160)}`}`;
  }
  console.log(
    m.loaded
      ? `${file}: loads (${m.loadMs.toFixed(0)} ms), ${m.operations} operations, ${JSON.stringify(m.statuses)}, ${five} 5xx, ${m.warnings} warnings${prism}`
      : `${file}: DOES NOT LOAD: ${m.reason}${prism}`,
  );
  for (const f of m.failures ?? []) console.log(`    5xx: ${f}`);
}
if (documents.length > 0) {
  console.log(`\ndocuments: authmock loads ${loaded} of ${documents.length}${values.prism ? `, Prism ${prismLoaded} of ${documents.length}` : ''}; ${total5xx} answers were 5xx`);
}

if (values.pairs) {
  const list = JSON.parse(readFileSync(values.pairs, 'utf8'));
  const base = dirname(resolve(values.pairs));
  const specs = new Map();
  let agree = 0;
  let compared = 0;
  let refused = 0;
  for (const { document, pact } of list) {
    const docPath = resolve(base, document);
    const pactPath = resolve(base, pact);
    let verdict;
    let detail = '';
    try {
      if (!specs.has(docPath)) specs.set(docPath, loadDocument(docPath).then((spec) => createPactChecker(spec, { strictFields: values['strict-fields'] === true })));
      const checker = await specs.get(docPath);
      const findings = checker.check(readPactFile(pactPath));
      const failing = findings.filter((f) => f.severity !== 'warning');
      verdict = failing.length === 0 ? 'pass' : 'fail';
      detail = failing.map((f) => `${f.pointer} ${f.message}`).join(' ; ').slice(0, 300);
    } catch (error) {
      refused++;
      verdict = 'refused';
      detail = error.message.split('\n')[0].slice(0, 200);
    }
    let smv = '';
    if (values.smv) {
      const s = await runSmv(values.smv, docPath, pactPath);
      const smvVerdict = s.code === 0 ? 'pass' : 'fail';
      compared++;
      if (smvVerdict === verdict) agree++;
      smv = ` | smv ${smvVerdict}${smvVerdict === verdict ? '' : ` DISAGREE: ${s.out.replace(/\s+/g, ' ').slice(0, 400)}`}`;
    }
    console.log(`${document} × ${pact}: ${verdict}${detail ? ` (${detail})` : ''}${smv}`);
  }
  console.log(`\npairs: ${list.length}, refused ${refused}${values.smv ? `, agreement with swagger-mock-validator ${agree} of ${compared}` : ''}`);
}

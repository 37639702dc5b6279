// The `authmock verify-pacts` and `authmock check-pacts` commands: options, run, print, exit code (0 ok, 1 failures,
// 2 usage). The work is imported lazily so that `authmock serve` never loads pact.

import { parseArgs } from 'node:util';

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const VERIFY_PACTS_HELP = `Usage: authmock verify-pacts <pact files or directories> [options]

Verifies pacts against a fresh authmock (bundled document and fixtures), each pact in a new sandbox, with
authmock's provider states (see contracts/README.md). Exits 1 on any failure, an unknown provider state included.

Options:
  --junit FILE        also write the results as JUnit XML
  --broker-url URL    also verify the pacts a Pact Broker holds for authmock-<provider> of every provider
                      (PACT_BROKER_TOKEN / _USERNAME / _PASSWORD are read by pact)
  --fixtures FILE     start authmock with these fixtures instead of the bundled ones
  --document FILE     start authmock with this OpenAPI document instead of the bundled one
  --coverage FILE     also write which operations, responses and auth outcomes the pacts test (and never test)
                      as FILE.md and FILE.json

Example:
  authmock verify-pacts contracts/pacts --junit test-results/pacts.xml
`;

export const CHECK_PACTS_HELP = `Usage: authmock check-pacts <pact files or directories> [options]

Checks every interaction of every pact against the OpenAPI document without running anything: the operation
exists, the request matches its parameters, body and security, the response status is documented and the
response body fits the schema (fields the pact leaves out are not required). Exits 1 when anything is found.

Options:
  --document FILE     check against this OpenAPI document (default: the bundled openapi/authmock.yaml)
  --json              print the findings as JSON: {"findings":[{pact, interaction, pointer, message, severity?}]}
  --strict-fields     response fields the document does not name fail the check (default: a warning)
  --coverage FILE     also write which operations, responses and auth outcomes the pacts test (and never test)
                      as FILE.md and FILE.json

Example:
  authmock check-pacts contracts/pacts ../mobile-app/pacts/app-authmock.json
`;

type Parsed = ReturnType<typeof parseArgs>;

function parse(argv: ReadonlyArray<string>, options: NonNullable<Parameters<typeof parseArgs>[0]>['options'], io: CommandIo, help: string): Parsed | number {
  try {
    const parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
    if (parsed.values['help']) {
      io.stdout(help);
      return 0;
    }
    return parsed;
  } catch (error) {
    io.stderr(`authmock: ${(error as Error).message}\n${help}`);
    return 2;
  }
}

const text = (parsed: Parsed, name: string): string | undefined => {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
};

export async function runVerifyPacts(argv: ReadonlyArray<string>, io: CommandIo): Promise<number> {
  const parsed = parse(
    argv,
    { junit: { type: 'string' }, 'broker-url': { type: 'string' }, fixtures: { type: 'string' }, document: { type: 'string' }, coverage: { type: 'string' } },
    io,
    VERIFY_PACTS_HELP,
  );
  if (typeof parsed === 'number') return parsed;
  const brokerUrl = text(parsed, 'broker-url');
  if (brokerUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(brokerUrl)) {
    io.stderr(`authmock: --broker-url '${brokerUrl}' is not an http(s) URL\n`);
    return 2;
  }
  if (parsed.positionals.length === 0 && brokerUrl === undefined) {
    io.stderr(`authmock: verify-pacts needs pact files or directories (or --broker-url)\n${VERIFY_PACTS_HELP}`);
    return 2;
  }
  const junit = text(parsed, 'junit');
  const document = text(parsed, 'document');
  const fixtures = text(parsed, 'fixtures');
  const { verifyPacts } = await import('./verify-pacts.js');
  const result = await verifyPacts({
    files: parsed.positionals,
    ...(junit === undefined ? {} : { junit }),
    ...(brokerUrl === undefined ? {} : { brokerUrl }),
    server: { ...(document === undefined ? {} : { document }), ...(fixtures === undefined ? {} : { fixtures }) },
  });
  io.stdout(`${result.report}\n`);
  if (junit !== undefined) io.stdout(`JUnit XML written to ${junit}\n`);
  const coverage = text(parsed, 'coverage');
  if (coverage !== undefined) io.stdout(await (await import('./coverage.js')).runCoverageOption(parsed.positionals, document, coverage));
  return result.ok ? 0 : 1;
}

export async function runCheckPacts(argv: ReadonlyArray<string>, io: CommandIo): Promise<number> {
  const parsed = parse(argv, { document: { type: 'string' }, json: { type: 'boolean' }, 'strict-fields': { type: 'boolean' }, coverage: { type: 'string' } }, io, CHECK_PACTS_HELP);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length === 0) {
    io.stderr(`authmock: check-pacts needs pact files or directories\n${CHECK_PACTS_HELP}`);
    return 2;
  }
  const [{ checkPacts, formatFindings }, { expandPactPaths, readPactFile }, { loadDocument }, { DEFAULT_DOCUMENT }, { createProviders }] = await Promise.all([
    import('./check-pacts.js'),
    import('./pact-file.js'),
    import('../engine/document/load-document.js'),
    import('../paths.js'),
    import('../providers/registry.js'),
  ]);
  let files: string[];
  let loaded;
  try {
    files = expandPactPaths(parsed.positionals);
    loaded = await loadDocument(text(parsed, 'document') ?? DEFAULT_DOCUMENT);
  } catch (error) {
    io.stderr(`authmock: ${(error as Error).message}\n`);
    return 2;
  }
  const findings = checkPacts(files, loaded, { providers: createProviders(), strictFields: parsed.values['strict-fields'] === true });
  const failures = findings.filter((f) => f.severity !== 'warning').length;
  const warnings = findings.length - failures;
  if (parsed.values['json']) {
    io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
  } else {
    let interactions = 0;
    for (const file of files) {
      try {
        interactions += readPactFile(file).interactions.length;
      } catch {
        // already a finding
      }
    }
    const summary = `authmock check-pacts: ${files.length} pact${files.length === 1 ? '' : 's'}, ${interactions} interactions, ${failures} finding${failures === 1 ? '' : 's'}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
    io.stdout(`${summary}\n${findings.length > 0 ? `\n${formatFindings(findings)}\n` : ''}`);
  }
  const coverage = text(parsed, 'coverage');
  if (coverage !== undefined) {
    const said = await (await import('./coverage.js')).runCoverageOption(parsed.positionals, text(parsed, 'document'), coverage);
    (parsed.values['json'] ? io.stderr : io.stdout)(said);
  }
  return failures > 0 ? 1 : 0;
}

// check-pacts: the committed pacts agree with the document; each broken fixture yields exactly its one finding.

import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPacts, createPactChecker, formatFindings, type PactChecker } from '../../src/contracts/check-pacts.js';
import { expandPactPaths, parsePact } from '../../src/contracts/pact-file.js';
import { DEFAULT_DOCUMENT } from '../../src/paths.js';
import { createProviders } from '../../src/providers/registry.js';
import { loadDocument, type LoadedDocument } from '../../src/engine/document/load-document.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/pacts/${name}`, import.meta.url));
const committed = fileURLToPath(new URL('../../contracts/pacts/', import.meta.url));

let loaded: LoadedDocument;
let checker: PactChecker;
beforeAll(async () => {
  loaded = await loadDocument(DEFAULT_DOCUMENT);
  checker = createPactChecker(loaded, { providers: createProviders() });
});

/** A V3 pact with one interaction, mount omitted as a client team writes it. */
const pactWith = (request: Record<string, unknown>, response: Record<string, unknown>) =>
  parsePact('inline.json', {
    consumer: { name: 'c' },
    provider: { name: 'p' },
    interactions: [{ description: 'the interaction', request, response }],
    metadata: { pactSpecification: { version: '3.0.0' } },
  });

describe('checkPacts', () => {
  it('finds nothing in the committed pacts', () => {
    const files = expandPactPaths([committed]);
    expect(files).toHaveLength(4);
    const findings = checkPacts(files, loaded, { providers: createProviders() });
    expect(formatFindings(findings)).toBe('');
  });

  it('finds nothing in the committed pacts from the document alone (no provider resolvers)', () => {
    expect(checkPacts(expandPactPaths([committed]), loaded)).toEqual([]);
  });

  it.each([
    [
      'undocumented-status.json (V3)',
      {
        file: 'undocumented-status.json',
        want: { interaction: 'a session test that is forbidden', pointer: '/response/status', message: 'devicehqTest: response status 403 is not documented for devicehqTest' },
      },
    ],
    [
      'wrong-field-type.json (V2)',
      {
        file: 'wrong-field-type.json',
        want: { interaction: 'an authentication with username and password', pointer: '/response/body/auth_token', message: 'emnifyAuthenticate: response /body/auth_token must be string' },
      },
    ],
    [
      'missing-credential.json (V4, with a message interaction that is reported as not checked)',
      {
        file: 'missing-credential.json',
        want: {
          interaction: 'an endpoint list without a token',
          pointer: '/request/headers/authorization',
          message: 'missing credential: emnifyListEndpoints is secured (Authorization: bearer (EmnifyBearer)) and the request carries none of it',
        },
        warning: {
          interaction: 'a device event (not HTTP: authmock does not serve it)',
          pointer: '',
          severity: 'warning',
          message: 'not an HTTP interaction (a message?): check-pacts checks HTTP interactions only, so this one is not checked',
        },
      },
    ],
  ])('%s gives exactly its finding', (_name, { file, want, warning }: { file: string; want: object; warning?: object }) => {
    const expected = [{ pact: fixture(file), ...want }, ...(warning ? [{ pact: fixture(file), ...warning }] : [])];
    expect(checkPacts([fixture(file)], loaded, { providers: createProviders() })).toEqual(expected);
  });

  it('reports a file that is not a pact as one finding', () => {
    const findings = checkPacts([fixture('../petstore.yaml')], loaded);
    expect(findings).toEqual([expect.objectContaining({ pact: fixture('../petstore.yaml'), interaction: '', pointer: '' })]);
    expect(findings[0]?.message).toMatch(/cannot be read as JSON/);
  });
});

describe('createPactChecker: one interaction at a time', () => {
  it('reports a path no operation has', () => {
    expect(checker.check(pactWith({ method: 'GET', path: '/api/v2/unicorns' }, { status: 200 }))).toEqual([
      expect.objectContaining({ pointer: '/request/path', message: 'no operation in the document matches GET /api/v2/unicorns' }),
    ]);
  });

  it('reports a method the path does not document', () => {
    expect(checker.check(pactWith({ method: 'PATCH', path: '/api/v2/session', headers: { 'X-AUTH-TOKEN': 'lbYQxHvUeVMsDt' } }, { status: 200 }))).toEqual([
      expect.objectContaining({ pointer: '/request/method', message: 'PATCH is not documented for /api/v2/session (documented: DELETE, POST, PUT)' }),
    ]);
  });

  it('reports a query parameter out of range', () => {
    const pact = pactWith(
      { method: 'GET', path: '/api/v2/devices', query: { limit: ['500'] }, headers: { 'X-AUTH-TOKEN': 'lbYQxHvUeVMsDt' } },
      { status: 200, headers: { 'Content-Type': 'application/vnd.api+json' }, body: { data: [], meta: { total: 0 } } },
    );
    expect(checker.check(pact)).toEqual([expect.objectContaining({ pointer: '/request/query/limit', message: expect.stringContaining("query parameter 'limit' must be <= 100") })]);
  });

  it('reports a request body that breaks the schema (requests are held to required fields)', () => {
    const pact = pactWith(
      {
        method: 'POST',
        path: '/1/account/change_password',
        headers: { 'X-Application-Token': 'duet-iphone-app-token', 'X-Account-Token': 'A'.repeat(60), 'Content-Type': 'application/json' },
        body: { password: 'battery-staple', password_confirmation: 'battery-staple' },
      },
      { status: 422 },
    );
    expect(checker.check(pact)).toEqual([expect.objectContaining({ pointer: '/request/body/account', message: expect.stringContaining('is required') })]);
  });

  it('reads a Rails-style form body as the mock does', () => {
    const pact = pactWith(
      {
        method: 'POST',
        path: '/1/account/sign_in',
        headers: { 'X-Application-Token': 'duet-iphone-app-token', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'account%5Blogin%5D=demo%40duet.example&account%5Bpassword%5D=duet-demo-password',
      },
      { status: 401 },
    );
    expect(checker.check(pact)).toEqual([]);
  });

  it('takes a response that names only some fields as partial, but not one that names an undocumented field', () => {
    const partial = pactWith(
      { method: 'GET', path: '/api/v2/info' },
      { status: 200, headers: { 'Content-Type': 'application/vnd.api+json' }, body: { meta: { api_version: '2' } } },
    );
    expect(checker.check(partial)).toEqual([]);
    const extra = pactWith({ method: 'GET', path: '/api/v2/info' }, { status: 200, body: { meta: { api_version: '2', colour: 'blue' } } });
    expect(checker.check(extra)).toEqual([expect.objectContaining({ pointer: '/response/body/meta/colour', message: 'devicehqInfo: response /body/meta/colour is not allowed here' })]);
  });

  it('accepts RFCx credentials in the body when the providers say they may travel there, and not from the document alone', () => {
    const pact = pactWith(
      {
        method: 'POST',
        path: '/v1/users/logout',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'auth_user=user%2F6f1e2d3c-4b5a-4c69-8e7f-9a0b1c2d3e4f&auth_token=rfcxdemousertoken7k3m9q2x5c8v1b4n6z0a2s4',
      },
      { status: 200, body: { tokens_removed: 1 } },
    );
    expect(checker.check(pact)).toEqual([]);
    const documentOnly = createPactChecker(loaded).check(pact);
    expect(documentOnly).toEqual([expect.objectContaining({ pointer: '/request/headers/x-auth-user', message: expect.stringMatching(/^missing credential: rfcxUserLogout/) })]);
  });

  it('accepts pacts that already use the mount', () => {
    const pact = pactWith({ method: 'GET', path: '/devicehq/api/v2/info' }, { status: 200, body: { meta: { api_version: '2' } } });
    expect(checker.check(pact)).toEqual([]);
  });
});

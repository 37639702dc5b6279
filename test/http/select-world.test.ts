// Which world a request runs in: the sandbox named by path prefix or header, and the prefix taken off the path.

import { describe, expect, it } from 'vitest';
import { toSandboxRequest } from '../../src/http/select-world.js';
import { useMock } from '../helpers/harness.js';
import { problemOf } from '../helpers/listen.js';

describe('toSandboxRequest', () => {
  it.each([
    ['no sandbox', { given: ['/duet/1/x', undefined], want: { id: undefined, path: '/duet/1/x' } }],
    ['a path prefix', { given: ['/_sandbox/abc/duet/1/x', undefined], want: { id: 'abc', path: '/duet/1/x' } }],
    ['a path prefix alone', { given: ['/_sandbox/abc', undefined], want: { id: 'abc', path: '/' } }],
    ['the header', { given: ['/duet/1/x', 'abc'], want: { id: 'abc', path: '/duet/1/x' } }],
    ['the header sent twice (never a sandbox id)', { given: ['/x', ['a', 'b']], want: { id: 'a, b', path: '/x' } }],
    ['the prefix over the header', { given: ['/_sandbox/abc/x', 'other'], want: { id: 'abc', path: '/x' } }],
    ['an empty header', { given: ['/x', ''], want: { id: undefined, path: '/x' } }],
  ] as const)('%s', (_name, { given: [path, header], want }) => {
    expect(toSandboxRequest(path, header as string | string[] | undefined)).toEqual(want);
  });
});

describe('the middleware', () => {
  const mock = useMock();

  it('answers an unknown sandbox with a 404 problem, by prefix or header', async () => {
    for (const init of [{ path: '/_sandbox/nope/__admin/health' }, { path: '/__admin/health', headers: { 'x-mock-sandbox': 'nope' } }]) {
      const res = await fetch(`${mock().url}${init.path}`, { headers: init.headers ?? {} });
      expect(res.status).toBe(404);
      expect(problemOf(res)?.code).toBe('state.not_found');
    }
  });

  it('runs a request in the sandbox it names', async () => {
    const created = await fetch(`${mock().url}/__admin/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { id } = (await created.json()) as { id: string };
    await fetch(`${mock().url}/_sandbox/${id}/__admin/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advance":"P1D"}' });
    const sandboxClock = (await (await fetch(`${mock().url}/__admin/clock`, { headers: { 'x-mock-sandbox': id } })).json()) as { now: string };
    const mainClock = (await (await fetch(`${mock().url}/__admin/clock`)).json()) as { now: string };
    expect(Date.parse(sandboxClock.now) - Date.parse(mainClock.now)).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
  });
});

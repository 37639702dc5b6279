// The logger as tables, written to a string: pretty lines per level, secrets masked, levels filtered, pino's JSON redacted, silent silent.

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createPrettyLogger, silentLogger, type Logger } from '../src/logger.js';

const NOW = () => new Date('2026-05-01T12:34:56.789Z');

function capture(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

type Call = ['info' | 'warn' | 'error', object, string?];
const logAll = (logger: Logger, calls: Call[]): void => {
  for (const [level, obj, msg] of calls) logger[level](obj, msg);
};

describe('createPrettyLogger', () => {
  it.each<[string, { given: { level?: string; colour?: boolean; calls: Call[] }; want: string }]>([
    ['a lifecycle event: time, message, fields', { given: { calls: [['info', { port: 4010, providers: ['a', 'b'] }, 'listening']] }, want: '12:34:56 listening port=4010 providers=["a","b"]\n' }],
    ['warn and error are tagged', { given: { calls: [['warn', {}, 'slow'], ['error', { code: 'EADDRINUSE' }, 'cannot listen']] }, want: '12:34:56 WARN slow\n12:34:56 ERROR cannot listen code=EADDRINUSE\n' }],
    ['secret-named fields masked, any case', { given: { calls: [['info', { Authorization: 'Bearer x', token: 't', password: 'p', API_KEY: 'k', user: 'u' }, 'login']] }, want: '12:34:56 login Authorization=[masked] token=[masked] password=[masked] API_KEY=[masked] user=u\n' }],
    ['undefined fields left out; no message, only fields', { given: { calls: [['info', { a: undefined, b: 1 }]] }, want: '12:34:56 b=1\n' }],
    ['control characters cannot forge a line', { given: { calls: [['info', { path: '/a\nFAKE 200' }, 'bad\r\nline']] }, want: '12:34:56 bad??line path=/a?FAKE 200\n' }],
    ['a request is one line: method, path, status, time, operation', { given: { calls: [['info', { method: 'GET', path: '/x', status: 200, duration_ms: 3.25, operation_id: 'getX', problem: null }, 'request']] }, want: '12:34:56 GET /x 200 3.3ms getX\n' }],
    ['level warn drops info', { given: { level: 'warn', calls: [['info', {}, 'hidden'], ['warn', {}, 'shown']] }, want: '12:34:56 WARN shown\n' }],
    ['level error drops warn', { given: { level: 'error', calls: [['warn', {}, 'hidden'], ['error', {}, 'shown']] }, want: '12:34:56 ERROR shown\n' }],
    ['debug shows info', { given: { level: 'debug', calls: [['info', {}, 'shown']] }, want: '12:34:56 shown\n' }],
    ['colour: time dim, tags coloured', { given: { colour: true, calls: [['warn', {}, 'w'], ['error', {}, 'e']] }, want: '\u001b[2m12:34:56\u001b[0m \u001b[33mWARN\u001b[0m w\n\u001b[2m12:34:56\u001b[0m \u001b[31mERROR\u001b[0m e\n' }],
  ])('%s', (_name, { given, want }) => {
    const out = capture();
    logAll(createPrettyLogger(given.level ?? 'info', out.stream, given.colour ?? false, NOW), given.calls);
    expect(out.text()).toBe(want);
  });

  it.each<[string, { given: string; want: Record<string, boolean> }]>([
    ['info', { given: 'info', want: { debug: false, info: true, warn: true, error: true } }],
    ['warn', { given: 'warn', want: { debug: false, info: false, warn: true, error: true } }],
    ['trace', { given: 'trace', want: { debug: true, info: true, warn: true, error: true } }],
  ])('isLevelEnabled at %s', (_name, { given, want }) => {
    const logger = createPrettyLogger(given, new PassThrough(), false, NOW);
    expect(Object.fromEntries(Object.keys(want).map((l) => [l, logger.isLevelEnabled!(l)]))).toEqual(want);
  });
});

describe('createLogger', () => {
  it('silent writes nothing, in either format', async () => {
    const out = capture();
    for (const format of ['pretty', 'json'] as const) {
      const logger = await createLogger('silent', format, out.stream);
      expect(logger).toBe(silentLogger);
      logAll(logger, [['error', { a: 1 }, 'x']]);
    }
    expect(out.text()).toBe('');
    expect(silentLogger.isLevelEnabled!('error')).toBe(false);
  });

  it('pretty is the terminal line, at the given time', async () => {
    const out = capture();
    logAll(await createLogger('info', 'pretty', out.stream, { now: NOW }), [['info', { port: 1 }, 'listening']]);
    expect(out.text()).toBe('12:34:56 listening port=1\n');
  });

  it('json is one pino line per event: level, real time, message, fields, secrets one level down masked', async () => {
    const out = capture();
    const logger = await createLogger('info', 'json', out.stream);
    logAll(logger, [['info', { request_headers: { authorization: 'Bearer x', 'x-trace': 't' }, body: { password: 'p', api_key: 'k', name: 'n' } }, 'request']]);
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: 'request', request_headers: { authorization: '[masked]', 'x-trace': 't' }, body: { password: '[masked]', api_key: '[masked]', name: 'n' } });
    expect(typeof line['time']).toBe('number');
    expect(line).not.toHaveProperty('pid');
    expect(line).not.toHaveProperty('hostname');
  });

  it('json at warn drops info', async () => {
    const out = capture();
    const logger = await createLogger('warn', 'json', out.stream);
    logAll(logger, [['info', {}, 'hidden'], ['warn', {}, 'shown']]);
    expect(out.text().trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['shown']);
    expect(logger.isLevelEnabled?.('info')).toBe(false);
  });
});

// The verify-pacts report and its JUnit XML as tables: counts, marks, names unique per suite, escaping, no colour codes.

import { describe, expect, it } from 'vitest';
import { formatReport, junitNames, stripAnsi, toJunit, type InteractionResult, type PactResult } from '../../src/contracts/pact-report.js';

const passing = (description: string, more: Partial<InteractionResult> = {}): InteractionResult => ({ description, states: [], ok: true, messages: [], ...more });
const failing = (description: string, messages: string[], more: Partial<InteractionResult> = {}): InteractionResult => ({ description, states: [], ok: false, messages, ...more });
const pact = (more: Partial<PactResult>): PactResult => ({ source: 'p.json', consumer: 'app', provider: 'api', ok: true, interactions: [], problems: [], ...more });

describe('stripAnsi', () => {
  it.each<[string, { given: string; want: string }]>([
    ['colours', { given: 'expected \u001b[31m200\u001b[0m', want: 'expected 200' }],
    ['cursor codes with ?', { given: '\u001b[?25lok', want: 'ok' }],
    ['plain text untouched', { given: 'a [31m] b', want: 'a [31m] b' }],
  ])('%s', (_name, { given, want }) => {
    expect(stripAnsi(given)).toBe(want);
  });
});

describe('formatReport', () => {
  it.each<[string, { given: PactResult[]; want: string[] }]>([
    ['one pact, all passed', { given: [pact({ interactions: [passing('a login')] })], want: ['authmock verify-pacts: 1 pact, 1 interactions, 1 passed, 0 failed', '', 'PASS  app → api  (p.json): 1/1 interactions passed', '  ✓ a login', ''] }],
    [
      'a failure with its states and messages',
      {
        given: [pact({ ok: false, interactions: [failing('a login', ['status 401', 'body /id missing'], { states: ['a user', 'a key'] })] })],
        want: ['authmock verify-pacts: 1 pact, 1 interactions, 0 passed, 1 failed', '', 'FAIL  app → api  (p.json): 0/1 interactions passed', "  ✗ a login  [given 'a user', 'a key']", '      - status 401', '      - body /id missing', ''],
      },
    ],
    [
      'a message interaction is counted apart, neither passed nor failed',
      {
        given: [pact({ interactions: [passing('http'), passing('a message', { ok: false, skipped: 'message interactions are not supported' })] })],
        want: ['authmock verify-pacts: 1 pact, 2 interactions, 1 passed, 0 failed, 1 not supported', '', 'PASS  app → api  (p.json): 1/1 interactions passed', '  ✓ http', '  - a message: message interactions are not supported', ''],
      },
    ],
    [
      'an unreadable pact: its problems, no names',
      { given: [pact({ consumer: '', provider: '', ok: false, problems: ['p.json: not a JSON object'] })], want: ['authmock verify-pacts: 1 pact, 0 interactions, 0 passed, 0 failed', '', 'FAIL  unreadable  (p.json): 0/0 interactions passed', '  ✗ p.json: not a JSON object', ''] },
    ],
    ['a missing name is a ?', { given: [pact({ provider: '' })], want: ['authmock verify-pacts: 1 pact, 0 interactions, 0 passed, 0 failed', '', 'PASS  app → ?  (p.json): 0/0 interactions passed', ''] }],
    ['no pacts: plural', { given: [], want: ['authmock verify-pacts: 0 pacts, 0 interactions, 0 passed, 0 failed', ''] }],
    ['colour codes never reach the report', { given: [pact({ ok: false, interactions: [failing('d', ['expected \u001b[31m200\u001b[0m'])] })], want: ['authmock verify-pacts: 1 pact, 1 interactions, 0 passed, 1 failed', '', 'FAIL  app → api  (p.json): 0/1 interactions passed', '  ✗ d', '      - expected 200', ''] }],
  ])('%s', (_name, { given, want }) => {
    expect(formatReport(given).split('\n')).toEqual(want);
  });
});

describe('junitNames', () => {
  const same = { description: 'x', states: ['s'], ok: true, messages: [] };
  it.each<[string, { given: InteractionResult[]; want: string[] }]>([
    ['distinct descriptions stay as they are', { given: [passing('a'), passing('b')], want: ['a', 'b'] }],
    ['a repeated description takes its states', { given: [passing('x', { states: ['s1'] }), passing('x', { states: ['s2', 's3'] })], want: ["x [given 's1']", "x [given 's2', 's3']"] }],
    ['numbers names that stay equal even with their states', { given: [same, same, { ...same, states: [] }], want: ["x [given 's'] (#1)", "x [given 's'] (#2)", 'x [given no state]'] }],
  ])('%s', (_name, { given, want }) => {
    expect(junitNames(given)).toEqual(want);
  });
});

describe('toJunit', () => {
  it('counts and times every suite and case, failures and skips apart', () => {
    const xml = toJunit([
      pact({ ok: false, interactions: [passing('ok', { seconds: 0.25 }), failing('bad', ['first', 'second'], { seconds: 0.5 }), passing('msg', { skipped: 'not supported' })] }),
      pact({ source: 'q.json', consumer: '', provider: '', ok: false, problems: ['unreadable', 'crashed'] }),
    ]);
    expect(xml.split('\n')).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="authmock verify-pacts" tests="5" failures="3" skipped="1" time="0.750">',
      '  <testsuite name="app → api" tests="3" failures="1" skipped="1" time="0.750" file="p.json">',
      '    <testcase classname="app.api" name="ok" time="0.250"/>',
      '    <testcase classname="app.api" name="bad" time="0.500">',
      '      <failure message="first">first',
      'second</failure>',
      '    </testcase>',
      '    <testcase classname="app.api" name="msg" time="0.000">',
      '      <skipped message="not supported"/>',
      '    </testcase>',
      '  </testsuite>',
      '  <testsuite name="? → ?" tests="2" failures="2" skipped="0" time="0.000" file="q.json">',
      '    <testcase classname="unknown.unknown" name="pact q.json (#1)" time="0.000">',
      '      <failure message="unreadable">unreadable</failure>',
      '    </testcase>',
      '    <testcase classname="unknown.unknown" name="pact q.json (#2)" time="0.000">',
      '      <failure message="crashed">crashed</failure>',
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ]);
  });

  it.each<[string, { given: string; want: string }]>([
    ['XML specials escaped', { given: `a <b> & "c" 'd'`, want: 'a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;' }],
    ['control characters dropped, tabs and newlines kept', { given: 'a\u0000b\u0007c\td', want: 'abc\td' }],
    ['colour codes dropped', { given: 'expected \u001b[31m200\u001b[0m but was \u001b[32m401\u001b[0m', want: 'expected 200 but was 401' }],
  ])('failure messages: %s', (_name, { given, want }) => {
    const xml = toJunit([pact({ ok: false, interactions: [failing('d', [given])] })]);
    expect(xml).toContain(`<failure message="${want}">${want}</failure>`);
  });

  it('escapes a description in the test name', () => {
    expect(toJunit([pact({ interactions: [passing('a "quoted" <name>')] })])).toContain('name="a &quot;quoted&quot; &lt;name&gt;"');
  });
});

// The sequence-diagram renderer as tables: one self-contained SVG per flow, text escaped, arrows and notes drawn, long text shrunk.

import { describe, expect, it } from 'vitest';
import { FLOWS, type Flow } from '../../src/docs/flows.js';
import { renderFlowsHtml, renderSequenceSvg } from '../../src/docs/sequence-svg.js';

const flowOf = (steps: Flow['steps'], more: Partial<Flow> = {}): Flow => ({ provider: 'stub', title: 'Stub login', participants: ['App', 'Mock'], steps, ...more });

describe('renderSequenceSvg', () => {
  it.each(FLOWS.map((f) => [f.provider, f] as const))('%s: an SVG with every participant, request, answer and note', (_, flow) => {
    const svg = renderSequenceSvg(flow);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="sequence-diagram"/);
    const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    for (const name of flow.participants) expect(svg).toContain(`>${escape(name)}</text>`);
    for (const step of flow.steps) for (const line of 'note' in step ? step.note : step.lines) expect(svg).toContain(`>${escape(line)}</text>`);
    const arrows = flow.steps.filter((s) => !('note' in s)).length;
    expect(svg.match(/<polygon class="arrow"/g)).toHaveLength(arrows);
    // Self-contained: no link, image, script or external font.
    expect(svg).not.toMatch(/href=|<image|<script|@import|url\(/);
  });

  it.each<[string, { given: Flow; want: RegExp[] }]>([
    ['a request is a solid line to the right', { given: flowOf([{ from: 0, to: 1, lines: ['POST /login'] }]), want: [/<line class="request" x1="130" y1="\d+" x2="809"/, />POST \/login<\/text>/] }],
    ['an answer is a dashed line back', { given: flowOf([{ from: 1, to: 0, lines: ['200 OK'], reply: true }]), want: [/<line class="reply" x1="810" y1="\d+" x2="131"/] }],
    ['a note across the lifelines', { given: flowOf([{ note: ['Tokens expire after 1 h', 'then 401'] }]), want: [/<rect class="note" /, /class="note-text"[^>]*>Tokens expire after 1 h</, /class="note-text"[^>]*>then 401</] }],
    [
      'text, title and provider escaped',
      {
        given: flowOf([{ from: 0, to: 1, lines: [`<b> & "q" 'a'`] }], { provider: 'a"b', title: 'x < y' }),
        want: [/data-provider="a&quot;b"/, /aria-label="x &lt; y"/, /<title>x &lt; y<\/title>/, />&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;<\/text>/],
      },
    ],
    ['a label too long for its arrow is shrunk, never below 8 px', { given: flowOf([{ from: 0, to: 1, lines: ['x'.repeat(400)] }]), want: [/<text class="label" [^>]*style="font-size:8px">x{400}</] }],
    ['a label that fits keeps the usual size', { given: flowOf([{ from: 0, to: 1, lines: ['GET /me'] }]), want: [/<text class="label" x="[\d.]+" y="\d+" text-anchor="middle">GET \/me</] }],
    ['three participants: the middle one centred', { given: flowOf([], { participants: ['A', 'B', 'C'] }), want: [/<line class="lifeline" x1="470"/, /<line class="lifeline" x1="810"/] }],
  ])('%s', (_name, { given, want }) => {
    const svg = renderSequenceSvg(given);
    for (const pattern of want) expect(svg).toMatch(pattern);
  });

  it('grows taller with every step', () => {
    const heightOf = (svg: string): number => Number(/viewBox="0 0 940 (\d+)"/.exec(svg)![1]);
    const one = renderSequenceSvg(flowOf([{ from: 0, to: 1, lines: ['a'] }]));
    const two = renderSequenceSvg(flowOf([{ from: 0, to: 1, lines: ['a'] }, { note: ['n'] }]));
    expect(heightOf(two)).toBeGreaterThan(heightOf(one));
  });
});

describe('renderFlowsHtml', () => {
  it('puts only the providers asked for on the page', () => {
    const html = renderFlowsHtml(FLOWS.filter((f) => f.provider === 'emnify'));
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('id="flow-emnify"');
    expect(renderFlowsHtml([])).toBe('');
  });

  it('is one figure per flow, captioned with its title, inside a details element', () => {
    const html = renderFlowsHtml([flowOf([], { provider: 'a', title: 'A & co' }), flowOf([], { provider: 'b' })]);
    expect(html).toMatch(/^<details class="flows" id="flows"><summary>/);
    expect(html.match(/<figure id="flow-(a|b)"><figcaption>/g)).toHaveLength(2);
    expect(html).toContain('<figcaption>A &amp; co</figcaption>');
  });
});

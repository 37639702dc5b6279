// The flows drawn as SVG sequence diagrams: one per provider, every step's text present, nothing fetched.

import { describe, expect, it } from 'vitest';
import { FLOWS } from '../../src/docs/flows.js';
import { renderFlowsHtml, renderSequenceSvg } from '../../src/docs/sequence-svg.js';

describe('sequence diagrams', () => {
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

  it('draws the target behaviours: RFCx invite as register + whole code, emnify JWTs HS384, Duet create as multipart', () => {
    const all = FLOWS.map(renderSequenceSvg).join('\n');
    expect(all).toContain('x-auth-user: register   x-auth-token: &lt;the whole invite code, e.g. ab12cd34&gt;');
    expect(all).toContain('HS384');
    expect(all).toContain('POST /1/account   (multipart/form-data, X-Application-Token)');
    expect(all).not.toContain('/v1/users/me');
  });

  it('puts only the providers asked for on the page', () => {
    const html = renderFlowsHtml(FLOWS.filter((f) => f.provider === 'emnify'));
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('id="flow-emnify"');
    expect(renderFlowsHtml([])).toBe('');
  });
});

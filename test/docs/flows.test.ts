// The flows each provider declares, as drawn on /docs: the target behaviours are what the diagrams say.

import { describe, expect, it } from 'vitest';
import { FLOWS } from '../../src/docs/flows.js';
import { renderSequenceSvg } from '../../src/docs/sequence-svg.js';

describe('sequence diagrams', () => {
  it('draws the target behaviours: RFCx invite as register + whole code, emnify JWTs HS384, Duet create as multipart', () => {
    const all = FLOWS.map(renderSequenceSvg).join('\n');
    expect(all).toContain('x-auth-user: register   x-auth-token: &lt;the whole invite code, e.g. ab12cd34&gt;');
    expect(all).toContain('HS384');
    expect(all).toContain('POST /1/account   (multipart/form-data, X-Application-Token)');
    expect(all).not.toContain('/v1/users/me');
  });
});

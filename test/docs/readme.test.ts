// The README a newcomer reads first: every link stays inside the repository, and the facts it states hold.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_MIN } from '../../src/config.js';

const readme = readFileSync('README.md', 'utf8');

describe('README.md', () => {
  it('links only to files in the repository, and they exist', () => {
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !t.startsWith('#'));
    const outside = targets.filter((t) => /^[a-z]+:/i.test(t) || t.startsWith('/') || t.startsWith('..'));
    expect(outside).toEqual([]);
    for (const target of targets) expect(existsSync(target.split('#')[0]!), target).toBe(true);
    expect(readme).not.toMatch(/`\.\.\/[^`]*`/);
  });

  it("states the RFCx user login, the admin token's minimum length and the exit codes", () => {
    expect(readme).toContain('"email":"demo@rfcx.example","password":"rfcx-demo-password"');
    expect(readme).toContain(`(at least ${ADMIN_TOKEN_MIN} characters)`);
    expect(readme).toMatch(/3 the port is in use/);
  });
});

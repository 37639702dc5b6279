// `authmock verify-pacts` into a pipe or a file (CI): the verifier's own report and authmock's, without colour codes.

import { describe, expect, it } from 'vitest';
import { run } from './spawn.js';

describe('verify-pacts output that is not a terminal', () => {
  it('has no ANSI colour codes, keeps the verifier report and exits 1 on a failure', async () => {
    const result = await run(['verify-pacts', 'test/fixtures/pacts/repeated-descriptions.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Verifying a pact between repeat-app and authmock-devicehq');
    expect(result.stdout).toContain("✗ a session test  [given 'a DeviceHQ session idle for {minutes} minutes']");
    expect(result.stdout + result.stderr).not.toMatch(/\u001b\[/);
  }, 120_000);
});

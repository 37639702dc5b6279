// The built CLI's exit codes for start-up mistakes, as --help documents them: 3 port in use, 4 TLS files, 2 usage.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listen } from '../helpers/listen.js';
import { run } from './spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'authmock-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('authmock serve exit codes', () => {
  it('3 when the port is in use, with what to do', async () => {
    const other = await listen((_, res) => res.end());
    const port = new URL(other.url).port;
    try {
      const result = await run(['serve', '--port', port, '--log-level', 'silent']);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`authmock: port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toContain('--port 0');
    } finally {
      await other.close();
    }
  });

  it('4 when the TLS files are swapped, naming both options', async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    writeFileSync(cert, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    writeFileSync(key, '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n');
    const result = await run(['serve', '--port', '0', '--tls-cert', key, '--tls-key', cert, '--log-level', 'silent']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`--tls-cert ${key} holds a private key and --tls-key ${cert} a certificate: the two are swapped`);
  });

  it('2 for a misspelt option, with the nearest one', async () => {
    const result = await run(['serve', '--prot', '4011']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("authmock: unknown option '--prot'; did you mean '--port'?");
  });
});

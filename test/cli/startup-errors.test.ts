// Start-up mistakes a newcomer makes: a port already taken, TLS files swapped, missing or not PEM.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTls, startServer, StartupError } from '../../src/server.js';
import { resolveSettings } from '../../src/config.js';
import { listen } from '../helpers/listen.js';

const dir = mkdtempSync(join(tmpdir(), 'authmock-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const read = (path: string): Promise<Buffer> => readFile(path);

describe('--port already in use', () => {
  it('says so and suggests another port or --port 0 (exit code 3)', async () => {
    const other = await listen((_, res) => res.end());
    const port = Number(new URL(other.url).port);
    try {
      const failure = startServer({ settings: resolveSettings({ port }) });
      await expect(failure).rejects.toBeInstanceOf(StartupError);
      await expect(failure).rejects.toMatchObject({
        code: 'port.unavailable',
        exitCode: 3,
        message: expect.stringMatching(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use.*--port ${port + 1}.*--port 0`)),
      });
    } finally {
      await other.close();
    }
  });
});

describe('--tls-cert / --tls-key', () => {
  it('accepts a certificate and its key in PEM', async () => {
    await expect(loadTls(file('ok.crt', CERT), file('ok.key', KEY), read)).resolves.toMatchObject({ cert: expect.any(Buffer) });
  });

  it('names both options when the files are swapped', async () => {
    const cert = file('c.pem', CERT);
    const key = file('k.pem', KEY);
    await expect(loadTls(key, cert, read)).rejects.toMatchObject({ code: 'tls.file', exitCode: 4, message: `--tls-cert ${key} holds a private key and --tls-key ${cert} a certificate: the two are swapped` });
  });

  it('names the option and the file that cannot be read, and why', async () => {
    const missing = join(dir, 'missing.pem');
    await expect(loadTls(missing, file('k2.pem', KEY), read)).rejects.toMatchObject({ message: `--tls-cert ${missing}: cannot read it (no such file)` });
    await expect(loadTls(file('c2.pem', CERT), dir, read)).rejects.toMatchObject({ message: `--tls-key ${dir}: cannot read it (it is a folder)` });
  });

  it('says what was expected when a file is not PEM', async () => {
    const der = file('cert.der', 'binary junk');
    await expect(loadTls(der, file('k3.pem', KEY), read)).rejects.toMatchObject({ message: expect.stringContaining(`--tls-cert ${der}: expected a PEM certificate`) });
    const both = file('k4.pem', CERT);
    await expect(loadTls(file('c4.pem', CERT), both, read)).rejects.toMatchObject({ message: expect.stringContaining(`--tls-key ${both}: expected a PEM private key ("-----BEGIN PRIVATE KEY-----"), found a certificate`) });
  });
});

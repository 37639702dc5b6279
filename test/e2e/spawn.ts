// Spawn the built authmock command and wait for its start-up banner (one JSON line when not on a terminal).

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export const CLI = 'dist/cli.js';

export interface Spawned {
  child: ChildProcess;
  url: string;
  banner: Record<string, unknown>;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function serve(args: string[] = [], timeoutMs = 15_000): Promise<Spawned> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--log-format', 'json', ...args], { env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const banner = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      for (const line of out.split('\n')) {
        if (!line.includes('"banner"')) continue;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { banner: Record<string, unknown> }).banner);
        return;
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening:\n${out}`)));
  });
  return {
    child,
    url: String(banner['url']),
    banner,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}

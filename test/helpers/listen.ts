// Listen on 127.0.0.1:0 with any request handler; returns the base URL and a close function.

import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function listen(handler: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The X-Mock-Problem header parsed, or undefined. */
export function problemOf(res: Response): { code: string; detail: string; pointer?: string; more?: unknown[] } | undefined {
  const header = res.headers.get('x-mock-problem');
  return header ? (JSON.parse(header) as { code: string; detail: string }) : undefined;
}

// A free loopback port for the scripts that start servers (bench, soak): listen on 0, read the port, close.

import { createServer } from 'node:net';

/** @param {string} host the loopback address to listen on */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

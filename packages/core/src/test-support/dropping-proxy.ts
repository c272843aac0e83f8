import { connect, createServer, type Socket } from 'node:net';

export interface DroppingProxy {
  url: string;
  /** Connections accepted so far, dropped ones included. */
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of `target` that drops its first `drop` connections before sending a
 * single byte, then forwards the rest: a real lost connection, for the retry tests (test-only).
 */
export async function startDroppingProxy(target: string, drop: number): Promise<DroppingProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((client) => {
    connections++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (connections <= drop) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The proxy has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

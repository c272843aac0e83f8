import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export interface TestRedis {
  url: string;
  /** A prefix of its own per call, so tests sharing a REDIS_URL never see each other's keys. */
  prefix: string;
  client(): Redis;
  /** Deletes this run's keys, closes the clients and stops the server if it started one. */
  stop(): Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

/**
 * A real Redis for the tests: REDIS_URL when set, else a `redis-server` of our own on a free port,
 * with persistence off, stopped at the end.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const prefix = `gemkit-test:${process.pid}:${Math.random().toString(36).slice(2)}:`;
  let child: ChildProcess | undefined;
  let url = process.env.REDIS_URL;
  if (!url) {
    const port = await freePort();
    child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    url = `redis://127.0.0.1:${port}`;
  }
  const clients: Redis[] = [];
  const client = () => {
    const redis = new Redis(url as string, { maxRetriesPerRequest: 3, lazyConnect: false });
    clients.push(redis);
    return redis;
  };
  await waitUntilReady(url, child);
  return {
    url,
    prefix,
    client,
    async stop() {
      const admin = new Redis(url as string);
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length > 0) await admin.del(...keys);
      await Promise.all([admin, ...clients].map((redis) => redis.quit().catch(() => redis.disconnect())));
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess | undefined): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: null });
  probe.on('error', () => {}); // refused connections are expected until the server listens
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (child && child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      try {
        if (probe.status === 'wait') await probe.connect();
        if ((await probe.ping()) === 'PONG') return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(`Redis at ${url} did not answer`);
  } finally {
    probe.disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory.js';

function clock(start = 0) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

describe('createMemoryStore', () => {
  it('keeps values until they expire', async () => {
    const time = clock();
    const store = createMemoryStore({ now: time.now });
    await store.set('a', 'alice', 1_000);
    expect(await store.get('a')).toBe('alice');
    time.advance(999);
    expect(await store.get('a')).toBe('alice');
    time.advance(1);
    expect(await store.get('a')).toBeUndefined();
  });

  it('deletes', async () => {
    const store = createMemoryStore();
    await store.set('a', 'alice', 1_000);
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
  });

  it('holds at most maxEntries, forgetting expired entries first, then the least recently written', async () => {
    const time = clock();
    const store = createMemoryStore({ maxEntries: 3, now: time.now });
    await store.set('short', '1', 10);
    await store.set('b', '2', 1_000);
    await store.set('c', '3', 1_000);
    time.advance(10);
    await store.set('d', '4', 1_000); // `short` has expired: it makes the room
    expect([await store.get('b'), await store.get('c'), await store.get('d')]).toEqual(['2', '3', '4']);
    await store.set('b', '2again', 1_000); // rewriting makes b the most recent
    await store.set('e', '5', 1_000); // c is now the oldest
    expect(await store.get('c')).toBeUndefined();
    expect([await store.get('b'), await store.get('d'), await store.get('e')]).toEqual(['2again', '4', '5']);
  });

  it('runs a token bucket per key', async () => {
    const time = clock();
    const store = createMemoryStore({ now: time.now });
    const spec = { capacity: 2, refillPerSecond: 1 };
    const take = async (key: string) => (await store.takeToken(key, spec)).allowed;
    expect([await take('x'), await take('x'), await take('x'), await take('y')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect((await store.takeToken('x', spec)).retryAfterMs).toBe(1_000);
    time.advance(1_000);
    expect(await take('x')).toBe(true);
  });

  it('lets a bucket expire once it would be full again, so it never crowds out a live record', async () => {
    const time = clock();
    const store = createMemoryStore({ maxEntries: 2, now: time.now });
    const spec = { capacity: 1, refillPerSecond: 1 };
    await store.set('old', 'kept', 60_000);
    expect((await store.takeToken('x', spec)).allowed).toBe(true); // empty now, full again in 1 s
    time.advance(1_000);
    await store.set('new', 'v', 60_000); // room is made from the expired bucket, not from the older record
    expect([await store.get('old'), await store.get('new')]).toEqual(['kept', 'v']);
  });
});

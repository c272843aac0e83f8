import { describe, expect, it } from 'vitest';
import { RouteError } from './errors.js';
import { matchRoute } from './paths.js';
import { RequestTargets } from './route-targets.js';

const BASE = '/api/gemini';
const ORIGIN = 'http://localhost:3000';
const CREATE = `${ORIGIN}/api/gemini/v1beta/interactions`;

function thrown(action: () => unknown): RouteError {
  try {
    action();
  } catch (error) {
    if (error instanceof RouteError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('RequestTargets', () => {
  it('answers a URL seen before with the target a fresh parse gives, frozen', () => {
    const targets = new RequestTargets(BASE);
    const first = targets.resolve('POST', `${CREATE}?alt=sse&key=stolen`);
    const again = targets.resolve('POST', `${CREATE}?alt=sse&key=stolen`);
    expect(again).toBe(first);
    expect(Object.isFrozen(again)).toBe(true);
    expect(Object.isFrozen(again.match)).toBe(true);
    expect(again).toEqual({
      host: 'localhost:3000',
      protocol: 'http:',
      match: matchRoute('POST', new URL(`${CREATE}?alt=sse&key=stolen`), BASE),
    });
    expect(again.match).toMatchObject({ kind: 'interactions.create', query: 'alt=sse' });
  });

  it('keeps methods apart: a GET to the URL of a kept POST is still refused', () => {
    const targets = new RequestTargets(BASE);
    expect(targets.resolve('POST', CREATE).match).toMatchObject({ kind: 'interactions.create' });
    const get = targets.resolve('GET', CREATE).match;
    expect(get).toBeInstanceOf(RouteError);
    expect((get as RouteError).httpStatus).toBe(405);
  });

  it('keeps no refusal: a traversal, an unknown path and a bad URL are refused every time, and not kept', () => {
    const targets = new RequestTargets(BASE);
    for (let i = 0; i < 2; i++) {
      const traversal = targets.resolve('GET', `${ORIGIN}/api/gemini/v1beta/interactions/../models`).match;
      expect((traversal as RouteError).httpStatus).toBe(404);
      expect(thrown(() => targets.resolve('GET', `${ORIGIN}/other/v1beta/interactions`)).httpStatus).toBe(
        404,
      );
      expect(thrown(() => targets.resolve('GET', 'http://[bad/api/gemini')).httpStatus).toBe(400);
    }
    expect(targets.size).toBe(0);
  });

  it('matches a very long URL every time rather than keep it', () => {
    const targets = new RequestTargets(BASE);
    const long = `${CREATE}?alt=sse&pad=${'x'.repeat(4_000)}`;
    expect(targets.resolve('POST', long).match).toMatchObject({
      kind: 'interactions.create',
      query: 'alt=sse',
    });
    expect(targets.size).toBe(0);
  });

  it('holds at most 64 URLs however many come, and still answers each as a fresh parse would', () => {
    const targets = new RequestTargets(BASE);
    targets.resolve('POST', CREATE);
    for (let i = 0; i < 500; i++) {
      const target = targets.resolve('GET', `${ORIGIN}/api/gemini/v1beta/interactions/id${i}?stream=true`);
      expect(target.match).toMatchObject({ kind: 'interactions.get', id: `id${i}`, query: 'stream=true' });
      expect(targets.size).toBeLessThanOrEqual(64);
    }
    expect(targets.size).toBe(64);
    // The create was pushed out long ago and is parsed again, the same.
    expect(targets.resolve('POST', CREATE).match).toMatchObject({ kind: 'interactions.create', query: '' });
  });
});

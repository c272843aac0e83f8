import { describe, expect, test } from 'vitest';
import { parseRetryAfter, toApiError } from './api-error.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-05-20T10:00:00Z');
  test.each([
    ['7', 7],
    [' 2.5 ', 2.5],
    ['Wed, 20 May 2026 10:00:30 GMT', 30],
    ['Wed, 20 May 2026 09:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
  ])('%j → %s', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
  test('no header', () => expect(parseRetryAfter(null)).toBeUndefined());
});

describe('toApiError', () => {
  test("reads Google's error body and the Retry-After header", async () => {
    const response = new Response(
      JSON.stringify({
        error: { code: 429, message: 'Slow down', status: 'RESOURCE_EXHAUSTED', details: [{ a: 1 }] },
      }),
      { status: 429, headers: { 'Retry-After': '3' } },
    );
    const error = await toApiError(response);
    expect(error.toJSON()).toEqual({
      name: 'ApiError',
      kind: 'api',
      message: 'Slow down',
      status: 429,
      code: 429,
      apiStatus: 'RESOURCE_EXHAUSTED',
      details: [{ a: 1 }],
      retryAfter: 3,
    });
  });

  test('takes the delay from a RetryInfo detail when there is no header', async () => {
    const body = {
      error: {
        code: 429,
        message: 'm',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '20s' }],
      },
    };
    expect((await toApiError(new Response(JSON.stringify(body), { status: 429 }))).retryAfter).toBe(20);
  });

  test('a body that is not the API shape still gives status and text', async () => {
    const error = await toApiError(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error).toMatchObject({
      status: 502,
      code: 502,
      apiStatus: undefined,
      message: 'HTTP 502: <html>Bad gateway</html>',
    });
  });
});

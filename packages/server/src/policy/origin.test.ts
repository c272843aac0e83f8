import { describe, expect, it } from 'vitest';
import { RouteError } from '../errors.js';
import { checkOrigin } from './origin.js';

const request = (headers: Record<string, string>) =>
  new Request('http://app.example/api/gemini/x', { headers });

function refused(run: () => unknown): number | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as RouteError).httpStatus;
  }
}

describe('checkOrigin', () => {
  it('lets through requests that come from no browser page (no Origin, no Sec-Fetch-Site)', () => {
    expect(checkOrigin(request({}), 'app.example', [])).toBeUndefined();
  });

  it('lets through same-origin browser requests', () => {
    expect(
      checkOrigin(
        request({ 'sec-fetch-site': 'same-origin', origin: 'http://app.example' }),
        'app.example',
        [],
      ),
    ).toBeUndefined();
    expect(checkOrigin(request({ origin: 'https://app.example' }), 'app.example', [])).toBeUndefined();
    expect(checkOrigin(request({ 'sec-fetch-site': 'none' }), 'app.example', [])).toBeUndefined();
  });

  it.each([
    [{ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    [{ 'sec-fetch-site': 'same-site', origin: 'https://other.app.example' }],
    [{ origin: 'https://evil.example' }],
    [{ origin: 'null' }],
    [{ 'sec-fetch-site': 'cross-site' }],
  ])('refuses cross-origin %o with 403', (headers) => {
    expect(refused(() => checkOrigin(request(headers), 'app.example', []))).toBe(403);
  });

  it('allows listed origins and returns them for CORS', () => {
    const headers = { 'sec-fetch-site': 'cross-site', origin: 'https://partner.example' };
    expect(checkOrigin(request(headers), 'app.example', ['https://partner.example'])).toBe(
      'https://partner.example',
    );
    expect(
      checkOrigin(request({ origin: 'https://partner.example' }), 'app.example', ['https://partner.example']),
    ).toBe('https://partner.example');
  });

  it("allows any origin with '*'", () => {
    expect(
      checkOrigin(
        request({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
        'app.example',
        '*',
      ),
    ).toBe('https://evil.example');
  });

  it('is a RouteError in the API shape', () => {
    try {
      checkOrigin(request({ origin: 'https://evil.example' }), 'app.example', []);
    } catch (error) {
      expect(error).toBeInstanceOf(RouteError);
      expect((error as RouteError).apiStatus).toBe('PERMISSION_DENIED');
    }
    expect.assertions(2);
  });
});

import { describe, expect, it } from 'vitest';
import { RouteError } from './errors.js';
import { matchRoute, normalizeBasePath } from './paths.js';

const BASE = '/api/gemini';
const match = (method: string, path: string) => matchRoute(method, new URL(path, 'http://host'), BASE);

describe('matchRoute', () => {
  it.each([
    ['POST', '/api/gemini/v1beta/interactions', 'interactions.create', undefined],
    ['GET', '/api/gemini/v1beta/interactions/int_abc-1', 'interactions.get', 'int_abc-1'],
    ['DELETE', '/api/gemini/v1beta/interactions/int_abc', 'interactions.delete', 'int_abc'],
    ['POST', '/api/gemini/v1beta/interactions/int_abc/cancel', 'interactions.cancel', 'int_abc'],
    ['POST', '/api/gemini/upload/v1beta/files', 'files.uploadStart', undefined],
    ['POST', '/api/gemini/upload/v1beta/files?upload_id=u1', 'files.uploadBytes', undefined],
    ['GET', '/api/gemini/v1beta/files/abc123', 'files.get', 'abc123'],
    ['DELETE', '/api/gemini/v1beta/files/abc123', 'files.delete', 'abc123'],
  ])('%s %s → %s', (method, path, kind, id) => {
    const found = match(method, path);
    expect(found).not.toBeInstanceOf(RouteError);
    expect(found).toMatchObject({ kind, id });
  });

  it('rebuilds the upstream path from what matched and keeps only the query parameters the call takes', () => {
    const found = match(
      'GET',
      '/api/gemini/v1beta/interactions/i1?stream=true&last_event_id=e5&key=stolen&x=1',
    );
    expect(found).toMatchObject({ upstreamPath: '/v1beta/interactions/i1' });
    expect(Object.fromEntries(new URLSearchParams((found as { query: string }).query))).toEqual({
      stream: 'true',
      last_event_id: 'e5',
    });
  });

  it.each([
    '/api/gemini/v1beta/models',
    '/api/gemini/v1beta/models/gemini-3-flash-preview:generateContent',
    '/api/gemini/v1beta/interactions/../models',
    '/api/gemini/v1beta/interactions/%2e%2e/%2e%2e/v1beta/models',
    '/api/gemini/v1beta/interactions/abc%2Fcancel',
    '/api/gemini/v1beta/interactions/a%2e%2e',
    '/api/gemini/v1beta/interactions/abc/',
    '/api/gemini/v1beta//interactions',
    '/api/gemini/v1beta/files',
    '/api/gemini/v1beta/interactions/a.b',
    '/api/gemini/http://evil.example/v1beta/interactions',
    '/api/gemini//evil.example/v1beta/interactions',
    '/api/geminiX/v1beta/interactions',
    '/v1beta/interactions',
    '/api/gemini',
  ])('refuses %s with 404', (path) => {
    const found = match('POST', path);
    expect(found).toBeInstanceOf(RouteError);
    expect((found as RouteError).httpStatus).toBe(404);
  });

  it('answers a known path with the wrong method with 405 and Allow', () => {
    const found = match('PUT', '/api/gemini/v1beta/interactions/i1') as RouteError;
    expect(found.httpStatus).toBe(405);
    expect(found.headers.allow).toBe('GET, DELETE');
  });
});

describe('normalizeBasePath', () => {
  it('drops a trailing slash and accepts the root', () => {
    expect(normalizeBasePath('/api/gemini/')).toBe('/api/gemini');
    expect(normalizeBasePath('/')).toBe('');
  });
  it.each(['api/gemini', '/api/../x', '/api gemini', '/a//b'])('throws on %s', (bad) => {
    expect(() => normalizeBasePath(bad)).toThrow(TypeError);
  });
});

import { expect, test } from 'vitest';
import { buildUrl } from './http.js';

test('buildUrl keeps a relative base (browsers behind a server route) and drops undefined query values', () => {
  expect(
    buildUrl('/api/gemini', '/v1beta/interactions/a%2Fb', { stream: true, last_event_id: undefined }),
  ).toBe('/api/gemini/v1beta/interactions/a%2Fb?stream=true');
  expect(buildUrl('http://127.0.0.1:1', '/v1beta/files/x')).toBe('http://127.0.0.1:1/v1beta/files/x');
});

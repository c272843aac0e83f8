import { describe, expect, it } from 'vitest';
import type { RouteError } from '../errors.js';
import { fileIdsIn } from './file-refs.js';

describe('fileIdsIn', () => {
  it('finds file references in content, content lists and stateless step histories', () => {
    expect(fileIdsIn('just text')).toEqual([]);
    expect(
      fileIdsIn({ type: 'image', uri: 'https://generativelanguage.googleapis.com/v1beta/files/abc' }),
    ).toEqual(['abc']);
    expect(
      fileIdsIn([
        {
          type: 'user_input',
          content: [
            { type: 'text', text: 'see' },
            { type: 'document', uri: 'files/doc-1' },
          ],
        },
        { type: 'model_output', content: [{ type: 'text', text: 'ok' }] },
        { type: 'user_input', content: [{ type: 'image', uri: 'http://x/v1beta/files/img_2?alt=media' }] },
      ]),
    ).toEqual(['doc-1', 'img_2']);
  });

  it('ignores URIs that are not Files API references', () => {
    expect(
      fileIdsIn([
        { type: 'image', uri: 'https://example.com/cat.png' },
        { type: 'text', text: 'files/abc' },
      ]),
    ).toEqual([]);
  });

  it('refuses input nested too deeply to check rather than checking part of it', () => {
    let deep: unknown = { uri: 'files/hidden' };
    for (let i = 0; i < 20; i++) deep = [deep];
    try {
      fileIdsIn(deep);
      expect.unreachable();
    } catch (error) {
      expect((error as RouteError).httpStatus).toBe(400);
    }
  });
});

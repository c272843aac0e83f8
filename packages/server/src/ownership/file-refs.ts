import { badRequest } from '../errors.js';

/** A Files API reference: `files/abc`, or a URI ending in `/files/abc` (as `file.uri` gives it). */
const FILE_REF = /(?:^|\/)files\/([A-Za-z0-9_-]{1,256})$/;

/**
 * Bounds of the walk. Input → steps → content → item is depth 4; a body past these bounds is refused rather
 * than partly checked, so padding cannot hide a reference.
 */
const MAX_DEPTH = 12;
const MAX_NODES = 100_000;

/**
 * The file ids an interaction's `input` refers to (`{type:'image', uri}` and the like, at any place in the
 * content or steps), so that a user cannot feed another user's upload to the model.
 */
export function fileIdsIn(input: unknown): string[] {
  const ids = new Set<string>();
  let nodes = 0;
  const walk = (value: unknown, depth: number) => {
    if (typeof value !== 'object' || value === null) return;
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES)
      throw badRequest('`input` is nested too deeply or too large.');
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    for (const [name, field] of Object.entries(value)) {
      if (name === 'uri' && typeof field === 'string') {
        const id = FILE_REF.exec(field.split(/[?#]/)[0] ?? '')?.[1];
        if (id) ids.add(id);
      } else {
        walk(field, depth + 1);
      }
    }
  };
  walk(input, 0);
  return [...ids];
}

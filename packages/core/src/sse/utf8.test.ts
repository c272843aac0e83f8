import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createUtf8Decoder } from './utf8.js';

function decodeChunks(chunks: Uint8Array[]): string {
  const decoder = createUtf8Decoder();
  return chunks.map((chunk) => decoder.push(chunk)).join('') + decoder.end();
}

describe('createUtf8Decoder', () => {
  test('any split of any bytes (valid UTF-8 or not) decodes as the whole does', () => {
    const whole = new TextDecoder('utf-8', { ignoreBOM: true });
    // Bytes drawn from real text (multi-byte characters to cut) and from anywhere (invalid sequences).
    const bytes = fc.oneof(
      fc.string({ unit: 'binary' }).map((text) => new TextEncoder().encode(text)),
      fc.uint8Array({ maxLength: 40 }),
      fc
        .array(fc.constantFrom(0x41, 0x80, 0xbf, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xed, 0xa0, 0xf0, 0x9f, 0xff))
        .map((values) => Uint8Array.from(values)),
    );
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 12 }), (input, cuts) => {
        const points = [...new Set(cuts.map((cut) => cut % (input.length + 1)))].sort((a, b) => a - b);
        const chunks = [...points, input.length].map((point, i) => input.subarray(points[i - 1] ?? 0, point));
        expect(decodeChunks(chunks)).toBe(whole.decode(input));
        expect(decodeChunks([...input].map((byte) => Uint8Array.of(byte)))).toBe(whole.decode(input));
      }),
      { numRuns: 500 },
    );
  });

  test('keeps a U+FEFF at the start of a chunk: only the stream as a whole may have a BOM', () => {
    const decoder = createUtf8Decoder();
    expect(decoder.push(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41))).toBe('\uFEFFA');
  });
});

/**
 * Bytes → text for a stream of chunks. TextDecoder's own `{ stream: true }` mode is several times slower
 * than a plain decode (measured in bench/decode), so each chunk is decoded whole up to its last complete
 * UTF-8 character, and the bytes of a character cut by the chunk boundary (at most three) wait for the next.
 */
export function createUtf8Decoder(): { push(bytes: Uint8Array): string; end(): string } {
  // ignoreBOM keeps a U+FEFF that happens to start a chunk mid-stream; the stream's own BOM is the caller's.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let carry: Uint8Array | undefined;
  return {
    push(bytes) {
      let input = bytes;
      if (carry) {
        input = new Uint8Array(carry.length + bytes.length);
        input.set(carry);
        input.set(bytes, carry.length);
        carry = undefined;
      }
      const complete = completeLength(input);
      if (complete < input.length) carry = input.slice(complete);
      return complete === 0
        ? ''
        : decoder.decode(complete === input.length ? input : input.subarray(0, complete));
    },
    end() {
      // A character never completed decodes to U+FFFD, as the streaming decoder would give it.
      const rest = carry ? decoder.decode(carry) : '';
      carry = undefined;
      return rest;
    },
  };
}

/** The length of `bytes` without a trailing, incomplete UTF-8 sequence. */
function completeLength(bytes: Uint8Array): number {
  const length = bytes.length;
  // A sequence is at most 4 bytes: look back over up to 3 continuation bytes (10xxxxxx) for its lead byte.
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back] as number;
    if (byte < 0x80) return length;
    if (byte >= 0xc0) {
      const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return size > back ? length - back : length;
    }
  }
  // Only continuation bytes, or none at all: nothing to wait for (invalid bytes decode to U+FFFD).
  return length;
}

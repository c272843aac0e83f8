import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ProtocolError } from '../errors.js';
import type { InteractionEvent } from '../wire/index.js';
import { createEventDecoder } from './decode.js';

const encoder = new TextEncoder();

function decodeAll(chunks: Uint8Array[]): InteractionEvent[] {
  const decoder = createEventDecoder();
  return [...chunks.flatMap((chunk) => decoder.push(chunk)), ...decoder.end()];
}

const decodeText = (text: string) => decodeAll([encoder.encode(text)]);

/** Cuts `bytes` at the given offsets (any byte position, so also inside UTF-8 sequences and CRLFs). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

describe('createEventDecoder', () => {
  test('decodes the protocol framing: event line, one-line JSON data, blank line', () => {
    const events = decodeText(
      'event: step.delta\ndata: {"event_type":"step.delta","event_id":"e1","index":0,"delta":{"type":"text","text":"Hi"}}\n\n',
    );
    expect(events).toEqual([
      { event_type: 'step.delta', event_id: 'e1', index: 0, delta: { type: 'text', text: 'Hi' } },
    ]);
  });

  test('accepts CRLF and lone CR line ends', () => {
    const body = 'data: {"event_type":"a"}\r\n\r\ndata: {"event_type":"b"}\r\rdata: {"event_type":"c"}\n\n';
    expect(decodeText(body).map((event) => event.event_type)).toEqual(['a', 'b', 'c']);
  });

  test('skips comments, the [DONE] sentinel and empty data', () => {
    const body = ': keep-alive\n\ndata: {"event_type":"a"}\n\n: another\ndata: [DONE]\n\ndata:\n\n';
    expect(decodeText(body)).toEqual([{ event_type: 'a' }]);
  });

  test('joins multi-line data with newlines before parsing', () => {
    const events = decodeText('data: {"event_type":"a",\ndata: "text":"x"}\n\n');
    expect(events).toEqual([{ event_type: 'a', text: 'x' }]);
  });

  test('drops the BOM that starts the stream, and keeps a U+FEFF anywhere else', () => {
    const body = encoder.encode('\uFEFFdata: {"event_type":"a","text":"\uFEFF"}\n\n');
    const bom = body.lastIndexOf(0xef);
    expect(decodeAll([body])).toEqual([{ event_type: 'a', text: '\uFEFF' }]);
    // The second U+FEFF opens a chunk of its own: it is text, not a BOM.
    expect(decodeAll([body.subarray(0, bom), body.subarray(bom)])).toEqual([
      { event_type: 'a', text: '\uFEFF' },
    ]);
  });

  test('ignores retry and unknown fields; a bare field name is the field with an empty value', () => {
    const body =
      'retry: 1000\nfoo: bar\ndata\ndata: {"event_type":"a"}\n\nevent\ndata: {"event_type":"b"}\n\n';
    // `data` alone adds an empty first line to the data: "\n{…}" is still one JSON object.
    expect(decodeText(body)).toEqual([{ event_type: 'a' }, { event_type: 'b' }]);
  });

  test('a CR ending one chunk and an LF opening the next are one line end, not an empty line', () => {
    const decoder = createEventDecoder();
    expect(decoder.push(encoder.encode('data: {"event_type":"a",\r'))).toEqual([]);
    expect(decoder.push(encoder.encode('\ndata: "x":1}\r'))).toEqual([]);
    expect(decoder.push(encoder.encode('\r'))).toEqual([{ event_type: 'a', x: 1 }]);
  });

  test('an event is delivered as soon as its blank line arrives, before the next chunk', () => {
    const decoder = createEventDecoder();
    expect(decoder.push(encoder.encode('data: {"event_type":"a"}\r\r'))).toEqual([{ event_type: 'a' }]);
  });

  test('bytes that never complete a UTF-8 character become U+FFFD, as in streaming decoding', () => {
    const decoder = createEventDecoder();
    const head = encoder.encode('data: {"event_type":"a","text":"');
    expect(decoder.push(Uint8Array.of(...head, 0xe2, 0x82))).toEqual([]);
    expect(decoder.push(encoder.encode('"}\n\n'))).toEqual([{ event_type: 'a', text: '\uFFFD' }]);
  });

  test('keeps a UTF-8 character whole when its bytes arrive in different chunks', () => {
    const bytes = encoder.encode('data: {"event_type":"a","text":"🙂é"}\n\n');
    const emoji = bytes.indexOf(0xf0);
    const chunks = [
      bytes.subarray(0, emoji + 1),
      bytes.subarray(emoji + 1, emoji + 3),
      bytes.subarray(emoji + 3),
    ];
    expect(decodeAll(chunks)).toEqual([{ event_type: 'a', text: '🙂é' }]);
  });

  test('takes event_type from the SSE event field and event_id from the id field when the JSON lacks them', () => {
    expect(decodeText('event: error\nid: 7\ndata: {"error":{"code":"x"}}\n\n')).toEqual([
      { event_type: 'error', event_id: '7', error: { code: 'x' } },
    ]);
    expect(decodeText('data: {"error":{"message":"bare"}}\n\n')).toEqual([
      { event_type: 'error', error: { message: 'bare' } },
    ]);
  });

  test('drops an event whose terminating blank line never came (a cut stream)', () => {
    expect(decodeText('data: {"event_type":"a"}\n\ndata: {"event_type":"b"}\n')).toEqual([
      { event_type: 'a' },
    ]);
  });

  test.each([
    ['malformed JSON', 'data: {"event_type":\n\n'],
    ['JSON that is not an object', 'data: [1,2]\n\n'],
    ['an event without any type', 'data: {"index":1}\n\n'],
  ])('throws ProtocolError on %s', (_name, body) => {
    expect(() => decodeText(body)).toThrow(ProtocolError);
  });

  test('delivers the events before malformed data, then throws ProtocolError', () => {
    const decoder = createEventDecoder();
    const events = decoder.push(encoder.encode('data: {"event_type":"a"}\n\ndata: {"event_type":\n\n'));
    expect(events).toEqual([{ event_type: 'a' }]);
    expect(() => decoder.end()).toThrow(ProtocolError);
  });

  test('keeps failing after a ProtocolError instead of resynchronising silently', () => {
    const decoder = createEventDecoder();
    expect(() => decoder.push(encoder.encode('data: nope\n\n'))).toThrow(ProtocolError);
    expect(() => decoder.push(encoder.encode('data: {"event_type":"a"}\n\n'))).toThrow(ProtocolError);
  });
});

/** Text with multi-byte UTF-8 (accents, CJK, emoji incl. ZWJ sequences), quotes, backslashes and newlines. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      'a',
      'Z',
      ' ',
      '"',
      '\\',
      '\n',
      '\r',
      ':',
      'é',
      '中',
      '🙂',
      '👩‍💻',
      '\u2028',
      '\u{1F600}',
    ),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 24,
});

const eventArb = fc.record({
  event_type: fc.constantFrom('step.delta', 'step.start', 'interaction.created', 'x.unknown'),
  event_id: fc.string({ minLength: 1, maxLength: 6 }).filter((id) => !/[\r\n\0]/.test(id)),
  index: fc.nat(5),
  delta: fc.record({ type: fc.constant('text'), text }),
});

const framing = fc.record({
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  withEventLine: fc.boolean(),
  withIdLine: fc.boolean(),
  commentBefore: fc.option(
    text.map((comment) => comment.replace(/[\r\n]/g, ' ')),
    { nil: undefined },
  ),
  splitData: fc.boolean(),
});

describe('createEventDecoder properties', () => {
  test('any split of the byte stream into chunks yields the same events', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(eventArb, framing), { maxLength: 8 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 30 }),
        (items, done, cuts) => {
          let body = '';
          for (const [event, frame] of items) {
            const nl = frame.lineEnd;
            if (frame.commentBefore !== undefined) body += `: ${frame.commentBefore}${nl}`;
            if (frame.withEventLine) body += `event: ${event.event_type}${nl}`;
            if (frame.withIdLine) body += `id: ${event.event_id}${nl}`;
            const json = JSON.stringify(event);
            // A JSON text may be broken across data lines only between tokens; split after the first comma.
            const comma = json.indexOf(',');
            body += frame.splitData
              ? `data: ${json.slice(0, comma + 1)}${nl}data: ${json.slice(comma + 1)}${nl}${nl}`
              : `data: ${json}${nl}${nl}`;
          }
          if (done) body += 'data: [DONE]\n\n';
          const bytes = encoder.encode(body);
          const whole = decodeAll([bytes]);
          expect(whole).toEqual(items.map(([event]) => event));
          expect(decodeAll(split(bytes, cuts))).toEqual(whole);
          // Byte by byte: every UTF-8 sequence and every CRLF is split somewhere.
          expect(decodeAll(split(bytes, [...bytes.keys()]))).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
});

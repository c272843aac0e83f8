import { describe, expect, it } from 'vitest';
import { limitBody, readBodyBytes, readJsonObject, readOptionalJsonObject } from './body.js';
import { RouteError } from './errors.js';

const limits = { maxBytes: 100, timeoutMs: 2_000 };
const encoder = new TextEncoder();

function jsonRequest(
  body: BodyInit | null,
  contentType = 'application/json',
  headers: Record<string, string> = {},
) {
  return new Request('http://host/x', {
    method: 'POST',
    body,
    headers: { 'content-type': contentType, ...headers },
    duplex: 'half',
  } as RequestInit);
}

/** A body whose chunks arrive when the test says so: nothing is sent until `push`. */
function trickle() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    stream,
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

async function refusal(promise: Promise<unknown>): Promise<RouteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RouteError);
  return error as RouteError;
}

describe('readJsonObject', () => {
  it('parses an object and keeps the bytes as received', async () => {
    const body = await readJsonObject(jsonRequest('{"model":"m"}'), limits);
    expect(body.value).toEqual({ model: 'm' });
    expect(new TextDecoder().decode(body.bytes)).toBe('{"model":"m"}');
  });

  it('accepts application/json with a charset and +json types', async () => {
    await expect(
      readJsonObject(jsonRequest('{}', 'application/json; charset=utf-8'), limits),
    ).resolves.toBeTruthy();
    await expect(readJsonObject(jsonRequest('{}', 'application/vnd.x+json'), limits)).resolves.toBeTruthy();
  });

  it.each([
    ['malformed JSON', '{"model":', 'application/json', 400],
    ['an array', '[1,2]', 'application/json', 400],
    ['a string', '"hi"', 'application/json', 400],
    ['null', 'null', 'application/json', 400],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'application/json', 400],
    ['an empty body', '', 'application/json', 400],
    ['text/plain', '{}', 'text/plain', 415],
    ['form data', 'a=1', 'application/x-www-form-urlencoded', 415],
  ])('refuses %s', async (_name, body, type, status) => {
    expect((await refusal(readJsonObject(jsonRequest(body, type), limits))).httpStatus).toBe(status);
  });

  it('refuses a body over the limit with 413, by its declared length before reading it', async () => {
    const { stream } = trickle(); // never sends a byte: only the declared length can refuse it
    const error = await refusal(
      readJsonObject(jsonRequest(stream, 'application/json', { 'content-length': '101' }), limits),
    );
    expect(error.httpStatus).toBe(413);
  });

  it('refuses a body over the limit with 413 when its length is not declared', async () => {
    const big = trickle();
    const reading = readJsonObject(jsonRequest(big.stream), limits);
    big.push(`{"a":"${'x'.repeat(60)}`);
    big.push(`${'x'.repeat(60)}"}`);
    expect((await refusal(reading)).httpStatus).toBe(413);
  });

  it('refuses a body that does not arrive in time with 408 (slow loris)', async () => {
    const slow = trickle();
    const reading = readJsonObject(jsonRequest(slow.stream), { maxBytes: 100, timeoutMs: 50 });
    slow.push('{"a":'); // and then nothing more
    const error = await refusal(reading);
    expect(error.httpStatus).toBe(408);
    expect(error.apiStatus).toBe('DEADLINE_EXCEEDED');
  });
});

describe('readOptionalJsonObject', () => {
  it('takes an absent body as no body', async () => {
    await expect(
      readOptionalJsonObject(new Request('http://host/x', { method: 'POST' }), limits),
    ).resolves.toBe(undefined);
  });
});

describe('limitBody', () => {
  it('passes chunks through and tells which limit stopped it', async () => {
    const source = trickle();
    const limited = limitBody(source.stream, { maxBytes: 5, timeoutMs: 1_000 });
    const reader = limited.getReader();
    source.push('abc');
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('abc');
    source.push('def');
    await expect(reader.read()).rejects.toBeInstanceOf(RouteError);
    expect(limited.failure()?.httpStatus).toBe(413);
  });

  it('reads a whole body within the limits', async () => {
    const source = trickle();
    const reading = readBodyBytes(jsonRequest(source.stream), limits);
    source.push('12345');
    source.end();
    expect((await reading).byteLength).toBe(5);
  });
});

import { expect, test } from 'vitest';
import { readAhead } from './read-ahead.js';

const bytes = (text: string) => new TextEncoder().encode(text);

const ticks = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A body that delivers two chunks, each in its own task as from a socket, and then breaks: a cut connection. */
function breakingBody() {
  let control!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      control = c;
    },
  });
  const deliverAndBreak = async () => {
    control.enqueue(bytes('one'));
    await ticks();
    control.enqueue(bytes('two'));
    await ticks();
    control.error(new TypeError('terminated'));
  };
  return { body, deliverAndBreak };
}

test('a body that breaks before it is read drops what had arrived (why reading ahead is needed)', async () => {
  const { body, deliverAndBreak } = breakingBody();
  const reader = body.getReader();
  await deliverAndBreak();
  await expect(reader.read()).rejects.toThrow('terminated');
});

test('read ahead, the chunks that arrived before the break are still read, then the break', async () => {
  const { body, deliverAndBreak } = breakingBody();
  const reader = readAhead(body);
  await deliverAndBreak();
  const decode = (result: ReadableStreamReadResult<Uint8Array>) => new TextDecoder().decode(result.value);
  expect(decode(await reader.read())).toBe('one');
  expect(decode(await reader.read())).toBe('two');
  await expect(reader.read()).rejects.toThrow('terminated');
});

test('after its first read it reads on demand, in order, to the end', async () => {
  let pulls = 0;
  const chunks = ['a', 'b', 'c'];
  const body = new ReadableStream<Uint8Array>(
    {
      pull(control) {
        pulls++;
        const next = chunks.shift();
        if (next === undefined) control.close();
        else control.enqueue(bytes(next));
      },
    },
    { highWaterMark: 0 },
  );
  const reader = readAhead(body);
  await ticks();
  const readAheadPulls = pulls;
  expect(readAheadPulls).toBe(4); // every chunk and the end, before anyone read
  const texts: string[] = [];
  for (let result = await reader.read(); !result.done; result = await reader.read()) {
    texts.push(new TextDecoder().decode(result.value));
  }
  expect(texts).toEqual(['a', 'b', 'c']);
  await reader.cancel();
});

import type { Readable } from 'node:stream';

/**
 * Node readables as Web streams: the request body `toNodeHandler` hands the route, and a Node upstream's
 * answer body.
 *
 * The answer, on its way to a Node response (`toNodeHandler`): the route hands it on as
 * a Web stream, as its contract says, but a Web stream between two Node streams costs every event a copy,
 * a queue, a promise and a turn of the writer's loop. So the Web stream is attached to the Node readable
 * only when something reads it; until then `toNodeHandler` may take the readable and pipe it as it is.
 * (Other runtimes and frameworks read the Web stream, and never notice.)
 */
const untouched = new WeakMap<ReadableStream<Uint8Array>, Readable>();

/** A Web stream over `source`, reading it only once pulled (so `takeNodeSource` finds it untouched). */
export function webStreamOf(source: Readable): ReadableStream<Uint8Array> {
  let attached = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!attached) {
          attached = true;
          untouched.delete(stream);
          feed(source, controller, () => source.readableEnded, 'The upstream answer was cut.');
        }
        source.resume();
      },
      cancel() {
        untouched.delete(stream);
        source.destroy();
      },
    },
    // Nothing is read before the first pull; past it, the source pauses whenever a chunk waits unread.
    { highWaterMark: 0 },
  );
  untouched.set(stream, source);
  return stream;
}

/** The Node readable under a Web stream made by `webStreamOf` that nobody has read: taken once, for good. */
export function takeNodeSource(stream: ReadableStream<Uint8Array>): Readable | undefined {
  const source = untouched.get(stream);
  if (!source || stream.locked) return undefined;
  untouched.delete(stream);
  return source;
}

/**
 * Feeds a Node readable into a Web stream's controller: each chunk queued (a copy, as the chunk may view a
 * larger buffer a reader could transfer away), the source paused while the queue is full, and a close before
 * the source is `whole()` reported as an error (`cut`) rather than an end.
 */
export function feed(
  source: Readable,
  controller: ReadableStreamDefaultController<Uint8Array>,
  whole: () => boolean,
  cut: string,
): void {
  let open = true;
  const end = (error?: Error) => {
    if (!open) return;
    open = false;
    if (error) controller.error(error);
    else controller.close();
  };
  source.on('data', (chunk: Uint8Array) => {
    if (!open) return;
    controller.enqueue(new Uint8Array(chunk));
    if ((controller.desiredSize ?? 0) <= 0) source.pause();
  });
  source.on('end', () => end());
  source.on('error', (error) => end(error));
  source.on('close', () => end(whole() ? undefined : new Error(cut)));
}

/** Why `readWhole` stopped short: past the size limit, past the time limit, or the body broke. */
export type WholeReadFailure = 'too-large' | 'too-slow' | 'broken';

/**
 * Reads a Node readable whole, under a size and a time limit, straight from its events: what `readBodyBytes`
 * does through a Web stream, without one (see node-incoming.ts). On a failure the source is paused, as a
 * cancelled Web stream over it would be, and left for its owner to close.
 */
export function readWhole(
  source: Readable,
  limits: { maxBytes: number; timeoutMs: number },
): Promise<Uint8Array<ArrayBuffer> | WholeReadFailure> {
  // node:http's request says `complete` once the parser has the whole message: a small body usually comes
  // in the same packet as the headers, and is then taken from the buffer at once, no event waited for.
  if ((source as { complete?: boolean }).complete === true)
    return Promise.resolve(readBuffered(source, limits));
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const settle = (result: Uint8Array<ArrayBuffer> | WholeReadFailure) => {
      clearTimeout(timer);
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onBroken);
      source.off('close', onBroken);
      if (typeof result === 'string') source.pause();
      resolve(result);
    };
    const onData = (chunk: Uint8Array) => {
      total += chunk.byteLength;
      if (total > limits.maxBytes) settle('too-large');
      else chunks.push(chunk);
    };
    const onEnd = () => settle(concat(chunks, total));
    const onBroken = () => settle('broken');
    const timer = setTimeout(() => settle('too-slow'), limits.timeoutMs);
    source.on('data', onData);
    source.on('end', onEnd);
    source.on('error', onBroken);
    source.on('close', onBroken);
  });
}

function readBuffered(
  source: Readable,
  limits: { maxBytes: number },
): Uint8Array<ArrayBuffer> | WholeReadFailure {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let chunk: Uint8Array | null = source.read(); chunk !== null; chunk = source.read()) {
    total += chunk.byteLength;
    if (total > limits.maxBytes) return 'too-large';
    chunks.push(chunk);
  }
  return concat(chunks, total);
}

/** One fresh buffer: a chunk may view a larger one that is not ours to keep (or to hand on). */
function concat(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

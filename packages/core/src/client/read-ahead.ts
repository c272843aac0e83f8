/** What the stream needs of a body reader. */
export type BodyReader = Pick<ReadableStreamDefaultReader<Uint8Array>, 'read' | 'cancel'>;

/**
 * Starts reading a body at once, keeping each chunk in a settled read, until the first `read()` of its
 * consumer; from then on it reads as the body's own reader does (with backpressure). A ReadableStream that
 * errors drops the chunks queued in it, so a connection that broke while the stream's code was still loading
 * would lose events that had arrived; read ahead, they survive, and the stream resumes after the last of them.
 */
export function readAhead(body: ReadableStream<Uint8Array>): BodyReader {
  const reader = body.getReader();
  const ahead: Promise<ReadableStreamReadResult<Uint8Array>>[] = [];
  let consumed = false;
  const pump = () => {
    const next = reader.read();
    ahead.push(next);
    next.then(
      (result) => {
        if (!consumed && !result.done) pump();
      },
      () => {},
    );
  };
  pump();
  return {
    read: () => {
      consumed = true;
      return ahead.shift() ?? reader.read();
    },
    cancel: (reason) => reader.cancel(reason),
  };
}

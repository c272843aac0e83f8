import type { InteractionEvent } from '../wire/index.js';
import { createEventDecoder } from './decode.js';

/**
 * Reads a `text/event-stream` body as events. Read failures and ProtocolErrors propagate as
 * thrown; the caller decides whether they mean abort, network loss or a broken server.
 */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<InteractionEvent> {
  const reader = createEventReader(body);
  try {
    for (let events = await reader.read(); events; events = await reader.read()) yield* events;
  } finally {
    reader.cancel();
  }
}

export interface EventReader {
  /** The events the next read of the body completed (possibly none); undefined at the end of the body. */
  read(): Promise<InteractionEvent[] | undefined>;
  /** Releases the connection when the consumer stops early; a no-op after the end. */
  cancel(): void;
}

/**
 * The same a read at a time, for internal readers: every step of an async iterator costs a few microtasks,
 * about as much as parsing an event, so the client's own stream takes the events in batches.
 */
export function createEventReader(body: ReadableStream<Uint8Array>): EventReader {
  const reader = body.getReader();
  const decoder = createEventDecoder();
  let done = false;
  return {
    async read() {
      if (done) return undefined;
      const result = await reader.read();
      done = result.done;
      return done ? decoder.end() : decoder.push(result.value as Uint8Array);
    },
    cancel() {
      reader.cancel().catch(() => {});
    },
  };
}

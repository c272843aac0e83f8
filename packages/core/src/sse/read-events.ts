import type { InteractionEvent } from '../wire/index.js';
import { createEventDecoder } from './decode.js';

/**
 * Reads a `text/event-stream` body as events. Read failures and ProtocolErrors propagate as
 * thrown; the caller decides whether they mean abort, network loss or a broken server.
 */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<InteractionEvent> {
  const reader = body.getReader();
  const decoder = createEventDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      yield* done ? decoder.end() : decoder.push(value);
      if (done) return;
    }
  } finally {
    // Cancelling releases the connection when the consumer stops early; it is a no-op after the end.
    reader.cancel().catch(() => {});
  }
}

import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ProtocolError } from '../errors.js';
import type { InteractionEvent } from '../wire/index.js';

/** Some servers end a stream with this `data` line (the SDK treats it the same way). */
const DONE_SENTINEL = '[DONE]';

export interface EventDecoder {
  /** Feeds raw bytes; returns the events completed by them. Throws ProtocolError on malformed data. */
  push(bytes: Uint8Array): InteractionEvent[];
  /** Flushes at end of input. An event without its terminating blank line is dropped, as SSE specifies. */
  end(): InteractionEvent[];
}

/**
 * Bytes → Interactions API events. TextDecoder in stream mode keeps a UTF-8 character that is
 * split across chunks whole; eventsource-parser handles CR/LF/CRLF line ends, comments and
 * multi-line `data`. Each message's data is one JSON event.
 */
export function createEventDecoder(): EventDecoder {
  const text = new TextDecoder();
  let pending: InteractionEvent[] = [];
  let failure: ProtocolError | undefined;
  const parser = createParser({
    onEvent(message) {
      if (failure) return;
      try {
        const event = toEvent(message);
        if (event) pending.push(event);
      } catch (error) {
        failure = error as ProtocolError;
      }
    },
  });
  // Events completed before malformed data are still delivered; the error comes on the next call.
  const take = (): InteractionEvent[] => {
    if (failure && pending.length === 0) throw failure;
    const out = pending;
    pending = [];
    return out;
  };
  let endsWithCr = false;
  const feed = (chunk: string) => {
    if (chunk === '') return;
    parser.feed(chunk);
    endsWithCr = chunk.endsWith('\r');
  };
  return {
    push(bytes) {
      feed(text.decode(bytes, { stream: true }));
      return take();
    },
    end() {
      feed(text.decode());
      // The parser holds back a final CR in case an LF follows; at the end, none will.
      if (endsWithCr) parser.feed('\n');
      return take();
    },
  };
}

function toEvent(message: EventSourceMessage): InteractionEvent | undefined {
  const data = message.data;
  if (data === DONE_SENTINEL || data.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (error) {
    throw new ProtocolError(`Malformed JSON in an SSE event: ${truncate(data)}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ProtocolError(`An SSE event is not a JSON object: ${truncate(data)}`);
  }
  const event = parsed as Record<string, unknown>;
  // The JSON carries event_type; fall back to the SSE `event:` field, and to `error` for a bare error body.
  const eventType = event.event_type ?? message.event ?? ('error' in event ? 'error' : undefined);
  if (typeof eventType !== 'string') {
    throw new ProtocolError(`An SSE event has no event_type: ${truncate(data)}`);
  }
  const eventId = event.event_id ?? message.id;
  if (eventType === event.event_type && eventId === event.event_id) return event as InteractionEvent;
  return {
    ...event,
    event_type: eventType,
    ...(eventId === undefined ? {} : { event_id: eventId }),
  } as InteractionEvent;
}

function truncate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

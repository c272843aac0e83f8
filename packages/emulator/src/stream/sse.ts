import type { InteractionEvent } from '@gemkit/core';

/** One SSE message: `event: <type>` and the event as one line of JSON. */
export function encodeSseEvent(event: InteractionEvent): string {
  return `event: ${event.event_type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * What a `malformed` fault sends: an event whose JSON breaks off, followed by bytes that are not
 * UTF-8 — a client must report a protocol error, not hang or crash.
 */
export const MALFORMED_BYTES: Uint8Array = new Uint8Array([
  ...new TextEncoder().encode(
    'event: step.delta\ndata: {"event_type":"step.delta","index":0,"delta":{"type":"te\n\n',
  ),
  0xff,
  0xfe,
  0x0a,
  0x0a,
]);

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
};

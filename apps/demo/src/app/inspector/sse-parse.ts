/** One server-sent event as it came over the wire, and what it says. */
export interface RawSseEvent {
  /** The `event:` field (the Interactions API puts the event type there). */
  type: string;
  /** The `id:` field when there is one (the API's event id is inside `data`, as `event_id`). */
  id: string | undefined;
  data: string;
  /** The event's lines exactly as received. */
  raw: string;
}

/**
 * Splits SSE text into events as the bytes arrive: feed it decoded chunks, it returns the events each
 * chunk completed. Follows the spec's line rules (LF, CRLF or CR; comments; multi-line data) but keeps
 * the raw text, since the point is to show what the wire carried.
 */
export function createSseSplitter() {
  let buffer = '';
  return {
    push(chunk: string): RawSseEvent[] {
      buffer += chunk;
      const events: RawSseEvent[] = [];
      for (;;) {
        const end = /\r\n\r\n|\n\n|\r\r/.exec(buffer);
        if (!end) break;
        const raw = buffer.slice(0, end.index);
        buffer = buffer.slice(end.index + end[0].length);
        const event = parseBlock(raw);
        if (event) events.push(event);
      }
      return events;
    },
    /** What is left when the stream ended: an event cut off mid-way, shown as such. */
    rest(): string {
      return buffer;
    },
  };
}

function parseBlock(raw: string): RawSseEvent | undefined {
  let type = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of raw.split(/\r\n|\n|\r/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  if (data.length === 0 && type === 'message') return undefined;
  return { type, id, data: data.join('\n'), raw };
}

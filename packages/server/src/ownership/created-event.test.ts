import { describe, expect, it } from 'vitest';
import { createdEventReader } from './created-event.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const created =
  'event: interaction.created\ndata: {"event_type":"interaction.created","event_id":"e1","interaction":{"id":"int_9","status":"in_progress"}}\n\n';

describe('createdEventReader', () => {
  it('finds the id in the first event, even split across chunks', () => {
    const feed = createdEventReader();
    expect(feed(bytes(created.slice(0, 40)))).toEqual({ done: false });
    expect(feed(bytes(created.slice(40)))).toEqual({ done: true, id: 'int_9' });
  });

  it('handles CRLF line ends', () => {
    expect(createdEventReader()(bytes(created.replaceAll('\n', '\r\n')))).toEqual({
      done: true,
      id: 'int_9',
    });
  });

  it('finds nothing when the first event is another one', () => {
    const error = 'event: error\ndata: {"event_type":"error","error":{"code":"x"}}\n\n';
    expect(createdEventReader()(bytes(error))).toEqual({ done: true, id: undefined });
  });

  it('gives up on a first event that never ends', () => {
    const feed = createdEventReader();
    expect(feed(bytes(`data: ${'x'.repeat(70_000)}`)).done).toBe(true);
  });
});

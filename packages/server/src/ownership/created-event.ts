/** Past this much text without a complete first event, give up looking (and own nothing). */
const MAX_LOOK_CHARS = 64 * 1024;

/**
 * Finds the interaction id in the first event of a stream (`interaction.created`) by looking at a copy of
 * the bytes as they pass; the stream itself is not touched. `feed` returns `{ done: true }` once it has seen
 * the first complete event (with the id, if it was `interaction.created`) or has given up.
 */
export function createdEventReader(): (chunk: Uint8Array) => { done: boolean; id?: string } {
  const decoder = new TextDecoder();
  let text = '';
  return (chunk) => {
    text += decoder.decode(chunk, { stream: true });
    const end = text.search(/\r?\n\r?\n/);
    if (end === -1) return { done: text.length > MAX_LOOK_CHARS };
    return { done: true, id: interactionIdOf(text.slice(0, end)) };
  };
}

function interactionIdOf(message: string): string | undefined {
  const data = message
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).replace(/^ /, ''))
    .join('\n');
  try {
    const event = JSON.parse(data) as { event_type?: unknown; interaction?: { id?: unknown } };
    const id = event.interaction?.id;
    return event.event_type === 'interaction.created' && typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

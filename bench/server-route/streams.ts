import { createEventDecoder, type InteractionEvent, isEventOfType } from '@gemkit/core';

export interface StreamResult {
  /** From the start of the request to the first byte of the response body (the `interaction.created` event). */
  ttfbMs: number;
  totalMs: number;
  bytes: number;
  events: number;
  /** The text deltas, concatenated, equal the text the stream was asked to echo, and the stream completed. */
  whole: boolean;
}

export interface StreamTarget {
  /** Base URL the API paths go under: the emulator's, or the route's `…/api/gemini`. */
  baseUrl: string;
  headers?: Record<string, string>;
}

/**
 * A random, unique text for each stream: the emulator echoes it back (`[emulator: echo]`), so the text
 * that arrives can be checked character for character.
 */
export function uniqueText(index: number, length: number): string {
  const words: string[] = [`stream-${index}`];
  let size = words[0]?.length ?? 0;
  while (size < length) {
    const word = Math.random()
      .toString(36)
      .slice(2, 2 + 3 + Math.floor(Math.random() * 6));
    words.push(word);
    size += word.length + 1;
  }
  return words.join(' ');
}

/** One streamed create, read to the end, timed, and checked for whole text. */
export async function runStream(
  target: StreamTarget,
  text: string,
  model: string,
  onFirstByte: () => void = () => {},
): Promise<StreamResult> {
  const started = performance.now();
  const response = await fetch(`${target.baseUrl}/v1beta/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: JSON.stringify({ model, input: `${text} [emulator: echo]`, stream: true }),
  });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const reader = response.body.getReader();
  const decoder = createEventDecoder();
  let ttfbMs = 0;
  let bytes = 0;
  const events: InteractionEvent[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) {
      ttfbMs = performance.now() - started;
      onFirstByte();
    }
    bytes += value.byteLength;
    events.push(...decoder.push(value));
  }
  events.push(...decoder.end());
  const received = events
    .map((event) =>
      isEventOfType(event, 'step.delta') && event.delta.type === 'text'
        ? (event.delta as { text: string }).text
        : '',
    )
    .join('');
  const last = events.at(-1);
  const completed = isEventOfType(last, 'interaction.completed') && last.interaction.status === 'completed';
  return {
    ttfbMs,
    totalMs: performance.now() - started,
    bytes,
    events: events.length,
    whole: completed && received === text,
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

import { createClient, isEventOfType, type TextDelta } from '@gemkit/core';
import type { Emulator } from '@gemkit/emulator';
import { createUIMessageStream, createUIMessageStreamResponse } from 'ai';
import { MODEL } from './answer-emulator.js';

/**
 * The endpoint `useChat` talks to (`POST /api/chat`): the emulator's answer, as it streams, re-encoded in the
 * AI SDK's UI message stream protocol by the `ai` package itself (the chunk sequence `streamText(…)
 * .toUIMessageStreamResponse()` sends for a text answer). Each Interactions `step.delta` becomes one
 * `text-delta` the moment it arrives, so useChat gets the same texts at the same pace as Gemkit.
 */
export function createUiMessageStreamRoute(emulator: Emulator): (request: Request) => Promise<Response> {
  const client = createClient({
    baseUrl: 'http://emulator.local/api/gemini',
    fetch: (input, init) => emulator.fetch(input instanceof Request ? input : String(input), init),
  });
  return async (request) => {
    // The messages useChat sends; the answer does not depend on them.
    await request.json();
    const stream = createUIMessageStream({
      execute: async ({ writer }) => {
        const interaction = await client.interactions.create(
          { model: MODEL, input: 'benchmark', stream: true },
          { signal: request.signal },
        );
        const id = 'text-0';
        writer.write({ type: 'start' });
        writer.write({ type: 'start-step' });
        writer.write({ type: 'text-start', id });
        for await (const event of interaction) {
          if (isEventOfType(event, 'step.delta') && event.delta.type === 'text') {
            writer.write({ type: 'text-delta', id, delta: (event.delta as TextDelta).text });
          }
        }
        writer.write({ type: 'text-end', id });
        writer.write({ type: 'finish-step' });
        writer.write({ type: 'finish', finishReason: 'stop' });
      },
    });
    return createUIMessageStreamResponse({ stream });
  };
}

import { describe, expect, it } from 'vitest';
import { Conversation, type ConversationOptions } from './conversation.js';
import type { ModelMessage } from './message.js';
import { emulatorsForFile, MODEL } from './test-fixture.js';

const env = emulatorsForFile();

const LONG = 'Tell me a long story. [emulator: words=300]';

/** Streams one answer on the slow emulator, counting notifications and how long the stream took. */
async function streamCounting(options: Partial<ConversationOptions>) {
  const conversation = new Conversation({ client: env.slow.client, model: MODEL, ...options });
  let notifications = 0;
  const statuses: string[] = [];
  const unsubscribe = conversation.subscribe(() => {
    notifications++;
    const status = conversation.getSnapshot().messages[1]?.status;
    if (status && statuses.at(-1) !== status) statuses.push(status);
  });
  const started = performance.now();
  await conversation.send(LONG);
  const elapsedMs = performance.now() - started;
  // The last notification (the finished turn) is at most a frame later.
  await new Promise((resolve) => setTimeout(resolve, 50));
  unsubscribe();
  const answer = conversation.getSnapshot().messages[1] as ModelMessage;
  return { notifications, elapsedMs, statuses, answer };
}

describe('streamingUpdateMs: how often subscribers hear of streamed text', () => {
  it('by default at most ten times a second, every status still told, and the whole answer in the end', async () => {
    const { notifications, elapsedMs, statuses, answer } = await streamCounting({});
    // An upper bound that a slow machine only loosens: one per 100 ms of stream, plus the status changes.
    expect(notifications).toBeLessThanOrEqual(Math.ceil(elapsedMs / 100) + 4);
    expect(statuses).toEqual(['submitted', 'streaming', 'completed']);
    expect(answer.text).toBe(await env.slow.storedText(answer.interactionId as string));
  });

  it('at 0, at every frame: many more for the same answer', async () => {
    const { notifications, elapsedMs, answer } = await streamCounting({ streamingUpdateMs: 0 });
    expect(notifications).toBeGreaterThan(Math.ceil(elapsedMs / 100) + 4);
    expect(answer.status).toBe('completed');
  });
});

import { getText, type Interaction } from '@gemkit/core';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, MODEL, startFixture } from './test/fixture.js';
import { useConversation } from './use-conversation.js';
import { useStreamingText } from './use-streaming-text.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture({ pacing: { chunkSize: 8, delayMs: 2 } });
});
afterAll(() => fx.close());

const answerOf = (interaction: Interaction) => getText(interaction);

const COMPLETE = {
  status: 'completed',
  steps: [{ type: 'model_output', content: [{ type: 'text', text: 'Already here.' }] }],
};

function CompleteText() {
  const { text, done } = useStreamingText(COMPLETE, { smooth: true });
  return <p data-done={done}>{text}</p>;
}

describe('useStreamingText', () => {
  it('reads an InteractionStream into answer text and thoughts, on separate channels', async () => {
    const stream = await fx.client.interactions.create({
      model: MODEL,
      input: 'Why is the sky blue?',
      stream: true,
      generation_config: { thinking_summaries: 'auto' },
    });
    const { result } = renderHook(() => useStreamingText(stream));
    await waitFor(() => expect(result.current.isStreaming).toBe(true));
    await waitFor(() => expect(result.current.done).toBe(true));
    const final = await stream.finalInteraction();
    expect(result.current.text).toBe(answerOf(final));
    expect(result.current.thoughts).toContain('Reading the request');
    expect(result.current.error).toBeUndefined();
  });

  it('under StrictMode reads the stream once and to its end', async () => {
    const stream = await fx.client.interactions.create({ model: MODEL, input: 'Hello', stream: true });
    const { result } = renderHook(() => useStreamingText(stream), { wrapper: StrictMode });
    await waitFor(() => expect(result.current.done).toBe(true));
    expect(result.current.error).toBeUndefined();
    expect(result.current.text).toBe(answerOf(await stream.finalInteraction()));
  });

  it('smooths a live message of useConversation by word and ends on the full text', async () => {
    const { result } = renderHook(() => {
      const chat = useConversation({ client: fx.client, model: MODEL });
      const streaming = useStreamingText(chat.messages[1], { smooth: true });
      return { chat, streaming };
    });
    await act(() => result.current.chat.send('Tell me something. [emulator: words=80]'));
    await waitFor(() => expect(result.current.streaming.done).toBe(true), { timeout: 10_000 });
    expect(result.current.streaming.text).toBe(result.current.chat.messages[1]?.text);
  });

  it('shows a message that is already complete at once, even when smoothing (a restored chat)', () => {
    const { container } = render(<CompleteText />);
    expect(container.textContent).toBe('Already here.');
    expect(container.querySelector('p')?.dataset.done).toBe('true');
  });

  it('unmounting stops reading the stream, which aborts its request', async () => {
    const aborted = fx.emulator.stats.streamsAbortedByClient;
    const stream = await fx.client.interactions.create({
      model: MODEL,
      input: 'Long. [emulator: words=600]',
      stream: true,
    });
    const { result, unmount } = renderHook(() => useStreamingText(stream));
    await waitFor(() => expect(result.current.text.length).toBeGreaterThan(0));
    unmount();
    await waitFor(() => expect(fx.emulator.stats.streamsAbortedByClient).toBe(aborted + 1));
  });
});

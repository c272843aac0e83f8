import { frameSchedule, type Schedule } from '@gemkit/core';
import { render, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GemkitProvider } from './provider.js';
import { type Fixture, MODEL, startFixture } from './test/fixture.js';
import { useConversation } from './use-conversation.js';
import { useInteraction } from './use-interaction.js';
import { useStreamingText } from './use-streaming-text.js';

/** 2,000 characters, streamed one per delta: 2,000 deltas, as fast as the emulator can send them. */
const ANSWER = 'abcdefghij'.repeat(200);
const DELTAS = 2000;
/** At most one render per ten deltas: far above what per-frame batching gives, far below one per delta. */
const CEILING = DELTAS / 10;

let fx: Fixture;
const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
beforeAll(async () => {
  fx = await startFixture({ pacing: { chunkSize: 1, delayMs: 0 } });
  // Renders are counted as an app would see them: outside act(), which would hold them back and batch them.
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
});
afterAll(async () => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
  await fx.close();
});

/** The real frame schedule (requestAnimationFrame under jsdom), counting the frames that notified. */
function countingFrames() {
  const counter = { frames: 0 };
  const schedule: Schedule = (task) =>
    frameSchedule(() => {
      counter.frames++;
      task();
    });
  return { counter, schedule };
}

describe('render counts while streaming 2,000 deltas', () => {
  it('useConversation renders per frame, not per delta', async () => {
    const { counter, schedule } = countingFrames();
    let renders = 0;
    let deltas = 0;
    let send: (text: string) => Promise<void> = async () => {};
    function Chat() {
      renders++;
      const chat = useConversation({ onEvent: (e) => void (e.event_type === 'step.delta' && deltas++) });
      send = chat.send;
      return <p>{chat.messages[1]?.text}</p>;
    }
    const { container } = render(
      <GemkitProvider client={fx.client} model={MODEL} schedule={schedule}>
        <Chat />
      </GemkitProvider>,
    );
    const before = renders;
    await send(`${ANSWER} [emulator: echo]`);
    await waitFor(() => expect(container.textContent).toBe(ANSWER));
    const streamRenders = renders - before;
    expect(deltas).toBeGreaterThanOrEqual(DELTAS);
    expect(streamRenders).toBeLessThanOrEqual(counter.frames + 1);
    expect(streamRenders).toBeLessThanOrEqual(CEILING);
  });

  it('useInteraction renders per frame, not per delta', async () => {
    const { counter, schedule } = countingFrames();
    let renders = 0;
    let create: (text: string) => Promise<unknown> = async () => {};
    function Answer() {
      renders++;
      const interaction = useInteraction();
      create = interaction.create;
      return <p>{interaction.text}</p>;
    }
    const { container } = render(
      <GemkitProvider client={fx.client} model={MODEL} schedule={schedule}>
        <Answer />
      </GemkitProvider>,
    );
    const before = renders;
    await create(`${ANSWER} [emulator: echo]`);
    await waitFor(() => expect(container.textContent).toBe(ANSWER));
    const streamRenders = renders - before;
    expect(streamRenders).toBeLessThanOrEqual(counter.frames + 1);
    expect(streamRenders).toBeLessThanOrEqual(CEILING);
  });

  it.each([
    ['as it arrives', false],
    ['smoothed by grapheme', { granularity: 'grapheme' as const }],
  ])('useStreamingText over an InteractionStream renders per frame (%s)', async (_name, smooth) => {
    const { counter, schedule } = countingFrames();
    const stream = await fx.client.interactions.create({
      model: MODEL,
      input: `${ANSWER} [emulator: echo]`,
      stream: true,
    });
    let renders = 0;
    function Text() {
      renders++;
      const { text, done } = useStreamingText(stream, { smooth });
      return <p data-done={done}>{text}</p>;
    }
    const { container } = render(
      <GemkitProvider client={fx.client} schedule={schedule}>
        <Text />
      </GemkitProvider>,
    );
    await waitFor(() => expect(container.querySelector('[data-done="true"]')?.textContent).toBe(ANSWER), {
      timeout: 10_000,
    });
    expect(renders).toBeLessThanOrEqual(counter.frames + 2);
    expect(renders).toBeLessThanOrEqual(CEILING);
  });
});

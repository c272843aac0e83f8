import { frameSchedule, type InteractionStream, type Schedule } from '@gemkit/core';
import { render, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GemkitProvider } from './provider.js';
import { type Fixture, MODEL, startFixture } from './test/fixture.js';
import { useConversation } from './use-conversation.js';
import { useInteraction } from './use-interaction.js';
import { type UseStreamingTextOptions, useStreamingText } from './use-streaming-text.js';

/** 2,000 characters, streamed one per delta: 2,000 deltas, as fast as the emulator can send them. */
const ANSWER = 'abcdefghij'.repeat(200);
const PROMPT = `${ANSWER} [emulator: echo]`;
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

/** What a test reads back from the component it renders: renders, frames that notified, deltas, actions. */
interface Probe {
  renders: number;
  frames: number;
  deltas: number;
  start: (text: string) => Promise<unknown>;
}

function createProbe(): { probe: Probe; schedule: Schedule } {
  const probe: Probe = { renders: 0, frames: 0, deltas: 0, start: async () => {} };
  // The real frame schedule (requestAnimationFrame under jsdom), counting the frames that notified.
  const schedule: Schedule = (task) =>
    frameSchedule(() => {
      probe.frames++;
      task();
    });
  return { probe, schedule };
}

function ConversationText({ probe }: { probe: Probe }) {
  probe.renders++;
  const chat = useConversation({
    onEvent: (event) => void (event.event_type === 'step.delta' && probe.deltas++),
  });
  probe.start = chat.send;
  return <p>{chat.messages[1]?.text}</p>;
}

function InteractionText({ probe }: { probe: Probe }) {
  probe.renders++;
  const interaction = useInteraction({
    onEvent: (event) => void (event.event_type === 'step.delta' && probe.deltas++),
  });
  probe.start = interaction.create;
  return <p>{interaction.text}</p>;
}

function StreamText({
  probe,
  stream,
  smooth,
}: { probe: Probe; stream: InteractionStream } & UseStreamingTextOptions) {
  probe.renders++;
  const { text, done } = useStreamingText(stream, { smooth });
  return <p data-done={done}>{text}</p>;
}

async function renderAndStream(Component: typeof ConversationText | typeof InteractionText) {
  const { probe, schedule } = createProbe();
  const { container } = render(
    <GemkitProvider client={fx.client} model={MODEL} schedule={schedule}>
      <Component probe={probe} />
    </GemkitProvider>,
  );
  const before = probe.renders;
  await probe.start(PROMPT);
  await waitFor(() => expect(container.textContent).toBe(ANSWER));
  return { ...probe, renders: probe.renders - before };
}

describe('render counts while streaming 2,000 deltas', () => {
  it.each([
    ['useConversation', ConversationText],
    ['useInteraction', InteractionText],
  ])('%s renders per frame, not per delta', async (_name, Component) => {
    const { renders, frames, deltas } = await renderAndStream(Component);
    expect(deltas).toBeGreaterThanOrEqual(DELTAS);
    expect(renders).toBeLessThanOrEqual(frames + 1);
    expect(renders).toBeLessThanOrEqual(CEILING);
  });

  it.each([
    ['as it arrives', false],
    ['smoothed by grapheme', { granularity: 'grapheme' as const }],
  ])('useStreamingText over an InteractionStream renders per frame (%s)', async (_name, smooth) => {
    const { probe, schedule } = createProbe();
    const stream = await fx.client.interactions.create({ model: MODEL, input: PROMPT, stream: true });
    const { container } = render(
      <GemkitProvider client={fx.client} schedule={schedule}>
        <StreamText probe={probe} stream={stream} smooth={smooth} />
      </GemkitProvider>,
    );
    await waitFor(() => expect(container.querySelector('[data-done="true"]')?.textContent).toBe(ANSWER), {
      timeout: 10_000,
    });
    expect(probe.renders).toBeLessThanOrEqual(probe.frames + 2);
    expect(probe.renders).toBeLessThanOrEqual(CEILING);
  });
});

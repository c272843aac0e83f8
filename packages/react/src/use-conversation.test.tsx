import { ApiError, type ModelMessage, type UserMessage } from '@gemkit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { GemkitProvider } from './provider.js';
import { emulatorsForFile, MODEL } from './test/fixture.js';
import { useConversation } from './use-conversation.js';

const env = emulatorsForFile();

const DOGS = 'I have 2 dogs in my house.';
const PAWS = 'How many paws are in my house?';

describe('useConversation: the two modes', () => {
  it('stateful: the second turn carries previous_interaction_id of the first', async () => {
    const { result } = renderHook(() =>
      useConversation({ client: env.fast.client, model: MODEL, mode: 'stateful' }),
    );
    const before = env.fast.creates().length;
    await act(() => result.current.send(DOGS));
    await act(() => result.current.send(PAWS));
    // Renders follow the frame clock: the last one lands at the next animation frame.
    await waitFor(() => expect(result.current.messages[3]?.status).toBe('completed'));

    const [first, second] = env.fast.creates().slice(before);
    const firstAnswer = result.current.messages[1] as ModelMessage;
    expect(first).toMatchObject({ model: MODEL, input: DOGS });
    expect(second).toMatchObject({ input: PAWS, previous_interaction_id: firstAnswer.interactionId });
    expect(result.current.status).toBe('completed');
    expect(result.current.messages.map((m) => m.role)).toEqual(['user', 'model', 'user', 'model']);
    expect(result.current.messages[3]?.text).toContain(DOGS);
  });

  it('stateless: store:false and the whole step history as input, a user_input step appended', async () => {
    const { result } = renderHook(() =>
      useConversation({ client: env.fast.client, model: MODEL, mode: 'stateless' }),
    );
    const before = env.fast.creates().length;
    await act(() => result.current.send(DOGS));
    await act(() => result.current.send(PAWS));
    await waitFor(() => expect(result.current.messages[3]?.status).toBe('completed'));

    const [first, second] = env.fast.creates().slice(before);
    const firstAnswer = result.current.messages[1] as ModelMessage;
    expect(first).toMatchObject({
      store: false,
      input: [{ type: 'user_input', content: [{ type: 'text', text: DOGS }] }],
    });
    expect(second).not.toHaveProperty('previous_interaction_id');
    expect(second).toMatchObject({ store: false });
    expect(second?.input).toEqual([
      { type: 'user_input', content: [{ type: 'text', text: DOGS }] },
      ...firstAnswer.steps,
      { type: 'user_input', content: [{ type: 'text', text: PAWS }] },
    ]);
    expect(result.current.messages[3]?.text).toContain(DOGS);
  });

  it('switching mode on a live conversation applies to the next turn', async () => {
    const { result, rerender } = renderHook(
      ({ mode }: { mode: 'stateful' | 'stateless' }) =>
        useConversation({ client: env.fast.client, model: MODEL, mode }),
      { initialProps: { mode: 'stateful' } },
    );
    await act(() => result.current.send(DOGS));
    rerender({ mode: 'stateless' });
    await waitFor(() => expect(result.current.mode).toBe('stateless'));
    await act(() => result.current.send(PAWS));
    const request = env.fast.creates().at(-1);
    expect(request).toMatchObject({ store: false });
    expect(request?.input).toHaveLength(4);
  });
});

describe('useConversation: settings through the provider', () => {
  it('uses the provider client, model, system instruction and temperature; thinking streams as thoughts', async () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <GemkitProvider
        client={env.slow.client}
        model={MODEL}
        settings={{
          system_instruction: 'You are a vet.',
          generation_config: { temperature: 0.4, thinking_level: 'high', thinking_summaries: 'auto' },
        }}
      >
        {children}
      </GemkitProvider>
    );
    const { result } = renderHook(() => useConversation(), { wrapper });
    const seen = new Set<string>();
    let sending: Promise<void> = Promise.resolve();
    act(() => {
      sending = result.current.send(DOGS);
    });
    await waitFor(
      () => {
        const answer = result.current.messages[1] as ModelMessage | undefined;
        if (answer) seen.add(answer.status);
        expect(answer?.status).toBe('completed');
      },
      { timeout: 10_000 },
    );
    await act(() => sending);
    const answer = result.current.messages[1] as ModelMessage;
    expect(seen.has('streaming')).toBe(true);
    expect(answer.thoughts).toContain('Reading the request');
    expect(answer.text).toContain('You are a vet.');
    expect(answer.usage?.total_tokens).toBeGreaterThan(0);
    expect(env.slow.creates().at(-1)).toMatchObject({
      model: MODEL,
      system_instruction: 'You are a vet.',
      generation_config: { temperature: 0.4, thinking_level: 'high', thinking_summaries: 'auto' },
    });
  });
});

describe('useConversation: settings that change between turns', () => {
  it('a setting the app removes is not sent again (system instruction, generation_config)', async () => {
    type Props = { system_instruction?: string; temperature?: number };
    const { result, rerender } = renderHook(
      ({ system_instruction, temperature }: Props) =>
        useConversation({
          client: env.fast.client,
          model: MODEL,
          system_instruction,
          generation_config: temperature === undefined ? undefined : { temperature },
        }),
      { initialProps: { system_instruction: 'You are a vet.', temperature: 0.2 } as Props },
    );
    await act(() => result.current.send(DOGS));
    expect(env.fast.creates().at(-1)).toMatchObject({
      system_instruction: 'You are a vet.',
      generation_config: { temperature: 0.2 },
    });

    rerender({});
    await act(() => result.current.send(PAWS));
    const second = env.fast.creates().at(-1);
    expect(second).toMatchObject({ model: MODEL, input: PAWS });
    expect(second).not.toHaveProperty('system_instruction');
    expect(second).not.toHaveProperty('generation_config');
  });

  it("a setting removed from the hook falls back to the provider's", async () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <GemkitProvider client={env.fast.client} model={MODEL} settings={{ system_instruction: 'Default.' }}>
        {children}
      </GemkitProvider>
    );
    const { result, rerender } = renderHook(
      ({ system_instruction }: { system_instruction?: string }) => useConversation({ system_instruction }),
      { wrapper, initialProps: { system_instruction: 'Override.' } as { system_instruction?: string } },
    );
    await act(() => result.current.send(DOGS));
    expect(env.fast.creates().at(-1)).toMatchObject({ system_instruction: 'Override.' });
    rerender({});
    await act(() => result.current.send(PAWS));
    expect(env.fast.creates().at(-1)).toMatchObject({ system_instruction: 'Default.' });
  });
});

describe('useConversation: failures and control', () => {
  it('stop() mid-stream cancels upstream; the turn is kept as cancelled and retry() completes it', async () => {
    const { result } = renderHook(() => useConversation({ client: env.slow.client, model: MODEL }));
    const cancels = env.slow.emulator.stats.cancels;
    act(() => {
      result.current.send('A long story. [emulator: words=400]');
    });
    await waitFor(() => expect(result.current.messages[1]?.text.length ?? 0).toBeGreaterThan(30));
    act(() => result.current.stop());
    await waitFor(() => expect(result.current.status).toBe('cancelled'));
    expect(result.current.isLoading).toBe(false);
    await waitFor(() => expect(env.slow.emulator.stats.cancels).toBe(cancels + 1));
    const answer = result.current.messages[1] as ModelMessage;
    expect(
      env.slow.emulator.requests.some(
        (r) => r.path === `/v1beta/interactions/${answer.interactionId}/cancel`,
      ),
    ).toBe(true);
    await act(() => result.current.retry());
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(result.current.messages).toHaveLength(2);
  });

  it('a 429 then retry(): the error is a value, the user message survives, the retry succeeds', async () => {
    const { result } = renderHook(() => useConversation({ client: env.fast.client, model: MODEL }));
    env.fast.emulator.injectFault({
      type: 'status',
      status: 429,
      retryAfterSeconds: 1,
      match: { path: '/v1beta/interactions' },
    });
    await act(() => result.current.send(DOGS));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(ApiError);
    expect(result.current.error).toMatchObject({ status: 429 });
    const user = result.current.messages[0] as UserMessage;
    expect(user).toMatchObject({ text: DOGS, status: 'unsent' });

    await act(() => result.current.retry());
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(result.current.messages[0]?.id).toBe(user.id);
    expect(result.current.error).toBeUndefined();
  });

  it('a cut stream is resumed: the answer is whole', async () => {
    const { result } = renderHook(() => useConversation({ client: env.slow.client, model: MODEL }));
    env.slow.emulator.injectFault({ type: 'cut', afterEvents: 8, match: { path: '/v1beta/interactions' } });
    await act(() => result.current.send('Tell me something. [emulator: words=60]'));
    await waitFor(() => expect(result.current.status).toBe('completed'));
    const answer = result.current.messages[1] as ModelMessage;
    const stored = await env.slow.client.interactions.get(answer.interactionId as string);
    expect(answer.steps).toEqual(stored.steps);
    expect(env.slow.emulator.requests.some((r) => r.method === 'GET' && r.query.last_event_id)).toBe(true);
  });

  it('regenerate and edit keep branches; switchBranch moves between them', async () => {
    const { result } = renderHook(() => useConversation({ client: env.fast.client, model: MODEL }));
    await act(() => result.current.send(DOGS));
    await act(() => result.current.regenerate());
    await waitFor(() =>
      expect(result.current.branches[result.current.messages[1]?.id as string]?.count).toBe(2),
    );
    const userId = result.current.messages[0]?.id as string;
    await act(() => result.current.edit(userId, 'I have 3 cats in my house.'));
    await waitFor(() => expect(result.current.messages[0]?.text).toBe('I have 3 cats in my house.'));
    expect(result.current.branches[result.current.messages[0]?.id as string]).toMatchObject({
      index: 1,
      count: 2,
    });
    act(() => result.current.switchBranch(result.current.messages[0]?.id as string, 'prev'));
    await waitFor(() => expect(result.current.messages[0]?.text).toBe(DOGS));
    expect(result.current.branches[result.current.messages[1]?.id as string]).toMatchObject({
      index: 1,
      count: 2,
    });
  });

  it('bad calls reject with a UsageError; rendering never throws', async () => {
    const { result } = renderHook(() => useConversation({ client: env.fast.client, model: MODEL }));
    await expect(result.current.send('')).rejects.toThrow(/empty message/);
    await expect(result.current.edit('missing', 'x')).rejects.toThrow(/No user message/);
    expect(result.current.messages).toEqual([]);
  });
});

describe('useConversation: attachments', () => {
  const png = () =>
    new File(
      [
        Uint8Array.from(
          atob(
            'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
          ),
          (c) => c.charCodeAt(0),
        ),
      ],
      'pixel.png',
      { type: 'image/png' },
    );

  it('sends an image File inline as image content', async () => {
    const { result } = renderHook(() => useConversation({ client: env.fast.client, model: MODEL }));
    await act(() => result.current.send(['What is this?', png()]));
    await waitFor(() => expect(result.current.status).toBe('completed'));
    const input = env.fast.creates().at(-1)?.input as { type: string; mime_type?: string; data?: string }[];
    expect(input[0]).toMatchObject({
      type: 'image',
      mime_type: 'image/png',
      data: expect.stringMatching(/^iVBOR/),
    });
    expect((result.current.messages[0] as UserMessage).attachments[0]).toMatchObject({
      name: 'pixel.png',
      status: 'ready',
    });
    expect(result.current.messages[1]?.text).toContain('image (image/png)');
  });

  it('uploads a larger image through the Files API with progress, and sends its uri', async () => {
    const { result } = renderHook(() =>
      useConversation({ client: env.fast.client, model: MODEL, inlineMaxBytes: 16 }),
    );
    const uploads = env.fast.emulator.stats.filesUploaded;
    await act(() => result.current.send(['What is this?', png()]));
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(env.fast.emulator.stats.filesUploaded).toBe(uploads + 1);
    const input = env.fast.creates().at(-1)?.input as { type: string; uri?: string }[];
    expect(input[0]).toMatchObject({ type: 'image', uri: expect.stringContaining('files/') });
    expect((result.current.messages[0] as UserMessage).attachments[0]).toMatchObject({
      status: 'ready',
      progress: 1,
    });
  });
});

describe('useConversation: StrictMode', () => {
  it('double effects start no request and no load twice; one send is one request', async () => {
    const before = env.fast.emulator.requests.length;
    const { result } = renderHook(() => useConversation({ client: env.fast.client, model: MODEL }), {
      wrapper: StrictMode,
    });
    await waitFor(() => expect(result.current.hydrated).toBe(true));
    expect(env.fast.emulator.requests.length).toBe(before);
    await act(() => result.current.send(DOGS));
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(env.fast.emulator.requests.slice(before).filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

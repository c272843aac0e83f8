import { ApiError, type InteractionEvent } from '@gemkit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { emulatorsForFile, MODEL } from './test/fixture.js';
import { useInteraction } from './use-interaction.js';

const env = emulatorsForFile();

describe('useInteraction', () => {
  it('streams with thinking: text and thought summaries apart, usage, callbacks', async () => {
    const events: InteractionEvent[] = [];
    const onFinish = vi.fn();
    const { result } = renderHook(() =>
      useInteraction({
        client: env.fast.client,
        model: MODEL,
        generation_config: { thinking_level: 'high', thinking_summaries: 'auto' },
        onEvent: (event) => events.push(event),
        onFinish,
      }),
    );
    expect(result.current.status).toBe('idle');
    await act(() => result.current.create('Why is the sky blue?'));
    // Renders follow the frame clock: the last one lands at the next animation frame.
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(result.current.text).toContain('Why is the sky blue?');
    expect(result.current.thoughts).toContain('Reading the request');
    expect(result.current.text).not.toContain('Reading the request');
    expect(result.current.usage?.total_thought_tokens).toBeGreaterThan(0);
    expect(events.some((e) => e.event_type === 'step.delta')).toBe(true);
    expect(onFinish).toHaveBeenCalledWith(result.current.interaction);
    expect(env.fast.creates().at(-1)).toMatchObject({
      stream: true,
      generation_config: { thinking_level: 'high', thinking_summaries: 'auto' },
    });
  });

  it('sends system_instruction and temperature, unstreamed when asked, with per-call overrides', async () => {
    const { result } = renderHook(() =>
      useInteraction({
        client: env.fast.client,
        model: MODEL,
        stream: false,
        system_instruction: 'Talk like a pirate.',
      }),
    );
    await act(() => result.current.create('Hello', { generation_config: { temperature: 0.3 } }));
    expect(env.fast.creates().at(-1)).toMatchObject({
      stream: false,
      system_instruction: 'Talk like a pirate.',
      generation_config: { temperature: 0.3 },
    });
    await waitFor(() => expect(result.current.text).toContain('Talk like a pirate.'));
    expect(result.current.text).toContain('0.3');
  });

  it('a setting removed on a re-render is not sent with the next request', async () => {
    const { result, rerender } = renderHook(
      ({ system_instruction }: { system_instruction?: string }) =>
        useInteraction({ client: env.fast.client, model: MODEL, system_instruction }),
      { initialProps: { system_instruction: 'Talk like a pirate.' } as { system_instruction?: string } },
    );
    await act(() => result.current.create('Hello'));
    expect(env.fast.creates().at(-1)).toMatchObject({ system_instruction: 'Talk like a pirate.' });
    rerender({});
    await act(() => result.current.create('Hello again'));
    expect(env.fast.creates().at(-1)).toMatchObject({ input: 'Hello again' });
    expect(env.fast.creates().at(-1)).not.toHaveProperty('system_instruction');
  });

  it('stop() mid-stream aborts and cancels upstream; the partial answer stays', async () => {
    const { result } = renderHook(() => useInteraction({ client: env.slow.client, model: MODEL }));
    let pending: Promise<unknown> = Promise.resolve();
    act(() => {
      pending = result.current.create('Long. [emulator: words=400]');
    });
    await waitFor(() => expect(result.current.text.length).toBeGreaterThan(30));
    act(() => result.current.stop());
    await act(() => pending);
    await waitFor(() => expect(result.current.status).toBe('cancelled'));
    expect(result.current.text.length).toBeGreaterThan(30);
    await waitFor(() => expect(env.slow.emulator.stats.cancels).toBe(1));
    const id = result.current.interaction?.id as string;
    expect(env.slow.emulator.requests.some((r) => r.path === `/v1beta/interactions/${id}/cancel`)).toBe(true);
  });

  it('a 429 arrives as a typed error value, not a throw; reset() goes back to idle', async () => {
    const onError = vi.fn();
    const { result } = renderHook(() => useInteraction({ client: env.fast.client, model: MODEL, onError }));
    env.fast.emulator.injectFault({
      type: 'status',
      status: 429,
      retryAfterSeconds: 1,
      match: { path: '/v1beta/interactions' },
    });
    await act(() => result.current.create('Hello'));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(ApiError);
    expect(result.current.error).toMatchObject({ status: 429, retryAfter: 1 });
    expect(onError).toHaveBeenCalledWith(result.current.error);
    act(() => result.current.reset());
    await waitFor(() => expect(result.current).toMatchObject({ status: 'idle', error: undefined, text: '' }));
  });

  it('unmounting aborts the request in flight and cancels it upstream', async () => {
    const { result, unmount } = renderHook(() => useInteraction({ client: env.slow.client, model: MODEL }));
    const cancels = env.slow.emulator.stats.cancels;
    act(() => {
      result.current.create('Long. [emulator: words=400]');
    });
    await waitFor(() => expect(result.current.text.length).toBeGreaterThan(0));
    unmount();
    await waitFor(() => expect(env.slow.emulator.stats.cancels).toBe(cancels + 1));
  });
});

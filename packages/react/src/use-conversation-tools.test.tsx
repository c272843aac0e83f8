/**
 * Function calling through useConversation, against the emulator over real HTTP: `[emulator: call=NAME]` makes
 * the model call a declared function; the emulator quotes the results it gets back.
 */
import {
  createLocalStorageAdapter,
  type InteractionEvent,
  type Message,
  type ModelMessage,
  pendingToolCalls,
  type SerializedConversation,
  type Step,
  type ToolCallHandler,
  ToolRoundtripLimitError,
  toolCallsOf,
} from '@gemkit/core';
import { TEST_TOOLS } from '@gemkit/emulator/testing';
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { emulatorsForFile, MODEL } from './test/fixture.js';
import { type UseConversationOptions, useConversation } from './use-conversation.js';

const env = emulatorsForFile();

const TOOLS = [...TEST_TOOLS];
const WEATHER = 'Weather? [emulator: call=get_weather]';

/** The hook with the test tools, and the ids of the interactions it creates (from interaction.created). */
function renderConversation(options: UseConversationOptions = {}) {
  const created: string[] = [];
  const onEvent = (event: InteractionEvent) => {
    if (event.event_type === 'interaction.created')
      created.push((event as { interaction: { id: string } }).interaction.id);
  };
  const before = env.fast.creates().length;
  const hook = renderHook((props: UseConversationOptions) => useConversation(props), {
    initialProps: {
      client: env.fast.client,
      model: MODEL,
      tools: TOOLS,
      onEvent,
      ...options,
    } as UseConversationOptions,
  });
  return { ...hook, created, requests: () => env.fast.creates().slice(before) };
}

const last = (messages: readonly Message[]) => messages.at(-1) as ModelMessage;
const types = (input: unknown) => (input as Step[]).map((step) => step.type);

describe('useConversation: onToolCall', () => {
  it('stateful: the call runs, its result goes back with previous_interaction_id, the answer follows', async () => {
    const onToolCall = vi.fn<ToolCallHandler>(({ arguments: args }) => ({
      city: args.city,
      temperature: 19,
    }));
    const { result, created, requests } = renderConversation({ onToolCall });
    await act(() => result.current.send(WEATHER));
    await waitFor(() => expect(result.current.status).toBe('completed'));

    const [first, second] = requests();
    expect(first).toMatchObject({ input: WEATHER, tools: TOOLS });
    const call = onToolCall.mock.calls[0]?.[0];
    expect(second).toMatchObject({
      previous_interaction_id: created[0],
      tools: TOOLS,
      input: [
        {
          type: 'function_result',
          call_id: call?.id,
          name: 'get_weather',
          result: { city: call?.arguments.city, temperature: 19 },
        },
      ],
    });
    const answer = last(result.current.messages);
    expect(result.current.messages).toHaveLength(2);
    expect(answer.steps.map((step) => step.type)).toEqual([
      'thought',
      'function_call',
      'function_result',
      'thought',
      'model_output',
    ]);
    expect(answer.text).toContain('"temperature":19');
    expect(toolCallsOf(answer).map((view) => view.status)).toEqual(['done']);
  });

  it('stateless: the second request sends the whole step history, ending in the call and its result', async () => {
    const { result, requests } = renderConversation({ mode: 'stateless', onToolCall: () => 'Cloudy' });
    await act(() => result.current.send(WEATHER));
    await waitFor(() => expect(result.current.status).toBe('completed'));
    const [, second] = requests();
    expect(second?.store).toBe(false);
    expect(types(second?.input)).toEqual(['user_input', 'thought', 'function_call', 'function_result']);
    expect((second?.input as Step[] | undefined)?.[3]).toMatchObject({
      type: 'function_result',
      result: 'Cloudy',
    });
    expect(last(result.current.messages).text).toContain('returned `Cloudy`');
  });

  it('uses the onToolCall of the latest render', async () => {
    const stale = vi.fn(() => 'stale');
    const fresh = vi.fn(() => 'fresh');
    const { result, rerender } = renderConversation({ onToolCall: stale });
    rerender({ client: env.fast.client, model: MODEL, tools: TOOLS, onToolCall: fresh });
    await act(() => result.current.send(WEATHER));
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(stale).not.toHaveBeenCalled();
    expect(fresh).toHaveBeenCalledTimes(1);
    expect(last(result.current.messages).text).toContain('returned `fresh`');
  });

  it('an onToolCall that throws sends is_error with the message', async () => {
    const { result, requests } = renderConversation({
      onToolCall: () => {
        throw new Error('Weather service unreachable');
      },
    });
    await act(() => result.current.send(WEATHER));
    await waitFor(() => expect(result.current.status).toBe('completed'));
    expect(requests()[1]?.input).toEqual([
      expect.objectContaining({ is_error: true, result: 'Weather service unreachable' }),
    ]);
    expect(toolCallsOf(last(result.current.messages))[0]?.status).toBe('error');
    expect(last(result.current.messages).text).toContain('failed: `Weather service unreachable`');
  });

  it('stops at maxToolRoundtrips with a ToolRoundtripLimitError as the turn error', async () => {
    const onError = vi.fn();
    const onToolCall = vi.fn(() => 'more');
    const { result, requests } = renderConversation({ onToolCall, onError, maxToolRoundtrips: 1 });
    await act(() => result.current.send('Loop [emulator: call=get_weather rounds=5]'));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(ToolRoundtripLimitError);
    expect(onError).toHaveBeenCalledWith(result.current.error, expect.objectContaining({ role: 'model' }));
    expect(onToolCall).toHaveBeenCalledTimes(1);
    expect(requests()).toHaveLength(2);
  });

  it('stop() during a running call aborts its signal and sends nothing more', async () => {
    let signal: AbortSignal | undefined;
    const onToolCall: ToolCallHandler = (_call, context) => {
      signal = context.signal;
      return new Promise(() => {}); // a call that never returns by itself
    };
    const { result, requests } = renderConversation({ onToolCall });
    act(() => {
      void result.current.send(WEATHER);
    });
    await waitFor(() => expect(toolCallsOf(last(result.current.messages))[0]?.status).toBe('running'));
    expect(result.current.isLoading).toBe(true);
    act(() => result.current.stop());
    await waitFor(() => expect(result.current.status).toBe('cancelled'));
    expect(signal?.aborted).toBe(true);
    expect(requests()).toHaveLength(1);
  });
});

/** A chat that asks before deleting: the call waits, a button answers it. */
function ConfirmingChat() {
  const chat = useConversation({ client: env.fast.client, model: MODEL, tools: TOOLS });
  const waiting = pendingToolCalls(chat.messages.at(-1));
  return (
    <div>
      <button type="button" onClick={() => void chat.send('Clean up [emulator: call=delete_files]')}>
        Ask
      </button>
      {waiting.map((call) => (
        <p key={call.id}>
          Delete {String(call.arguments.pattern)}?
          <button type="button" onClick={() => void chat.addToolResult(call.id, { deleted: 3 })}>
            Yes
          </button>
          <button
            type="button"
            onClick={() => void chat.addToolResult(call.id, 'The user said no', { isError: true })}
          >
            No
          </button>
        </p>
      ))}
      <output>{chat.status}</output>
      <article>{chat.status === 'completed' && chat.messages.at(-1)?.text}</article>
    </div>
  );
}

describe('useConversation: addToolResult', () => {
  it('a call waits for the user; their confirmation is sent as the result and the answer follows', async () => {
    const before = env.fast.creates().length;
    render(<ConfirmingChat />);
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    const yes = await screen.findByRole('button', { name: 'Yes' });
    expect(screen.getByRole('status')).toHaveProperty('textContent', 'requires_action');
    fireEvent.click(yes);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('completed'));
    expect(screen.queryByRole('button', { name: 'Yes' })).toBeNull();
    expect(screen.getByRole('article').textContent).toContain('returned `{"deleted":3}`');
    const [, second] = env.fast.creates().slice(before);
    expect(second?.input).toEqual([
      expect.objectContaining({ type: 'function_result', name: 'delete_files', result: { deleted: 3 } }),
    ]);
  });

  it('a pending call survives an unmount and a remount (persisted) and can still be answered', async () => {
    const persistence = createLocalStorageAdapter<SerializedConversation>({
      prefix: `tools${Math.random()}:`,
    });
    const options = { client: env.fast.client, model: MODEL, tools: TOOLS, id: 'confirm', persistence };
    const first = renderHook(() => useConversation(options));
    await act(() => first.result.current.send('Clean up [emulator: call=delete_files]'));
    await waitFor(() => expect(first.result.current.status).toBe('requires_action'));
    const [call] = pendingToolCalls(first.result.current.messages.at(-1));
    const interactionId = last(first.result.current.messages).interactionId;
    // Let the queued save land, as it would before a reload.
    await waitFor(async () =>
      expect((await persistence.load('confirm'))?.messages.at(-1)).toMatchObject({
        status: 'requires_action',
      }),
    );
    first.unmount();

    const second = renderHook(() => useConversation(options));
    await waitFor(() => expect(second.result.current.hydrated).toBe(true));
    expect(second.result.current.status).toBe('requires_action');
    expect(pendingToolCalls(second.result.current.messages.at(-1)).map((c) => c.id)).toEqual([call?.id]);
    const before = env.fast.creates().length;
    await act(() =>
      second.result.current.addToolResult(call?.id ?? '', 'The user said no', { isError: true }),
    );
    await waitFor(() => expect(second.result.current.status).toBe('completed'));
    expect(env.fast.creates()[before]).toMatchObject({
      previous_interaction_id: interactionId,
      input: [expect.objectContaining({ call_id: call?.id, is_error: true })],
    });
    expect(last(second.result.current.messages).text).toContain('failed: `The user said no`');
    second.unmount();
  });

  it('an answer for a call the turn does not wait for rejects with a UsageError', async () => {
    const { result } = renderConversation();
    await act(() => result.current.send(WEATHER));
    await waitFor(() => expect(result.current.status).toBe('requires_action'));
    await expect(result.current.addToolResult('call_nope', 'x')).rejects.toMatchObject({ kind: 'usage' });
    expect(result.current.status).toBe('requires_action');
  });
});

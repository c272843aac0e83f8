/**
 * Function calling through a Conversation, against the emulator over real HTTP: the default responder calls a
 * declared function for `[emulator: call=NAME]` and quotes the results it gets back.
 */

import { TEST_TOOLS } from '@gemkit/emulator/testing';
import { describe, expect, it, vi } from 'vitest';
import { ToolRoundtripLimitError, UsageError } from '../errors.js';
import { createMemoryAdapter } from '../store/persistence/memory.js';
import type { FunctionCallStep, InteractionEvent, Step } from '../wire/index.js';
import { Conversation, type ConversationOptions } from './conversation.js';
import type { ModelMessage } from './message.js';
import type { SerializedConversation } from './serialize.js';
import { emulatorsForFile, MODEL, until } from './test-fixture.js';
import { pendingToolCalls, type ToolCallHandler, toolCallsOf } from './tool-calls.js';
import { toResult } from './tool-results.js';

const env = emulatorsForFile();

const TOOLS = [...TEST_TOOLS];
const WEATHER = 'Weather? [emulator: call=get_weather]';
/** A turn that called once: the call, its result, and the answer after it. */
const ONE_ROUND = ['thought', 'function_call', 'function_result', 'thought', 'model_output'];

function open(options: Partial<ConversationOptions> = {}) {
  const created: string[] = [];
  const onEvent = (event: InteractionEvent) => {
    if (event.event_type === 'interaction.created')
      created.push((event as { interaction: { id: string } }).interaction.id);
  };
  const conversation = new Conversation({
    client: env.fast.client,
    model: MODEL,
    tools: TOOLS,
    onEvent,
    ...options,
  });
  return { conversation, created, before: env.fast.creates().length };
}

const lastModel = (conversation: Conversation) => conversation.getSnapshot().messages.at(-1) as ModelMessage;
const types = (steps: readonly Step[]) => steps.map((step) => step.type);

describe('Conversation: function calls answered by addToolResult', () => {
  it('stateful: the turn waits (requires_action), then goes on in the same message with previous_interaction_id', async () => {
    const onFinish = vi.fn();
    const { conversation, created, before } = open({ onFinish });
    await conversation.send(WEATHER);
    const waiting = lastModel(conversation);
    expect(conversation.getSnapshot().status).toBe('requires_action');
    expect(onFinish).toHaveBeenLastCalledWith(waiting);
    const [call] = pendingToolCalls(waiting);
    expect(call).toMatchObject({
      type: 'function_call',
      name: 'get_weather',
      arguments: { city: expect.any(String) },
    });
    expect(toolCallsOf(waiting).map((view) => view.status)).toEqual(['waiting']);

    await conversation.addToolResult(call?.id ?? '', { temperature: 21 });
    const { messages, status } = conversation.getSnapshot();
    expect(status).toBe('completed');
    expect(messages).toHaveLength(2);
    const answer = messages[1] as ModelMessage;
    expect(answer.id).toBe(waiting.id);
    expect(types(answer.steps)).toEqual(ONE_ROUND);
    expect(answer.text).toContain('returned `{"temperature":21}`');
    expect(answer.interactionId).toBe(created[1]);
    expect(toolCallsOf(answer)).toEqual([
      expect.objectContaining({
        status: 'done',
        result: expect.objectContaining({ result: { temperature: 21 } }),
      }),
    ]);

    const continuation = env.fast.creates()[before + 1];
    expect(continuation).toMatchObject({
      previous_interaction_id: created[0],
      tools: TOOLS,
      input: [
        { type: 'function_result', call_id: call?.id, name: 'get_weather', result: { temperature: 21 } },
      ],
    });
    expect(continuation?.store).not.toBe(false);
    expect(onFinish).toHaveBeenLastCalledWith(answer);
  });

  it('answers a call as a failure with isError, and refuses an id the turn does not wait for', async () => {
    const { conversation, before } = open();
    await conversation.send(WEATHER);
    const [call] = pendingToolCalls(lastModel(conversation));
    await expect(conversation.addToolResult('call_unknown', 'x')).rejects.toBeInstanceOf(UsageError);
    await conversation.addToolResult(call?.id ?? '', 'The weather service is down', { isError: true });
    expect(env.fast.creates()[before + 1]?.input).toEqual([
      {
        type: 'function_result',
        call_id: call?.id,
        name: 'get_weather',
        result: 'The weather service is down',
        is_error: true,
      },
    ]);
    expect(lastModel(conversation).text).toContain('failed: `The weather service is down`');
    expect(toolCallsOf(lastModel(conversation))[0]?.status).toBe('error');
    await expect(conversation.addToolResult(call?.id ?? '', 'again')).rejects.toBeInstanceOf(UsageError);
  });

  it('a reload keeps a pending call pending and answerable', async () => {
    const persistence = createMemoryAdapter<SerializedConversation>();
    const first = new Conversation({
      client: env.fast.client,
      model: MODEL,
      tools: TOOLS,
      id: 'tools',
      persistence,
    });
    await first.send(WEATHER);
    const waiting = lastModel(first);
    // Saves are queued: let the last one land before "reloading".
    await vi.waitFor(async () =>
      expect((await persistence.load('tools'))?.messages.at(-1)).toMatchObject({ status: 'requires_action' }),
    );

    const second = new Conversation({
      client: env.fast.client,
      model: MODEL,
      tools: TOOLS,
      id: 'tools',
      persistence,
    });
    await second.hydrate();
    const [call] = pendingToolCalls(lastModel(second));
    expect(call?.id).toBe(pendingToolCalls(waiting)[0]?.id);
    const before = env.fast.creates().length;
    await second.addToolResult(call?.id ?? '', 'Sunny');
    expect(env.fast.creates()[before]?.previous_interaction_id).toBe(waiting.interactionId);
    expect(lastModel(second)).toMatchObject({ status: 'completed', id: waiting.id });
    expect(lastModel(second).text).toContain('returned `Sunny`');
  });
});

describe('Conversation: onToolCall runs the calls and the turn goes on by itself', () => {
  it('stateless: the continuation sends the whole history with the call and its result, store:false', async () => {
    const onToolCall = vi.fn<ToolCallHandler>(async (call) => ({ city: call.arguments.city, sky: 'clear' }));
    const onFinish = vi.fn();
    const { conversation, before } = open({ mode: 'stateless', onToolCall, onFinish });
    await conversation.send(WEATHER);
    const answer = lastModel(conversation);
    expect(answer.status).toBe('completed');
    expect(onToolCall).toHaveBeenCalledTimes(1);
    const [call, context] = onToolCall.mock.calls[0] ?? [];
    expect(call).toMatchObject({ name: 'get_weather', id: expect.stringMatching(/^call_/) });
    expect(context?.signal).toBeInstanceOf(AbortSignal);
    // One finish, for the finished turn (not for the round that called).
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(onFinish).toHaveBeenCalledWith(answer);

    const [first, second] = env.fast.creates().slice(before);
    expect(first).toMatchObject({ store: false });
    expect(second?.store).toBe(false);
    expect(second).not.toHaveProperty('previous_interaction_id');
    expect(types(second?.input as Step[])).toEqual([
      'user_input',
      'thought',
      'function_call',
      'function_result',
    ]);
    expect((second?.input as Step[] | undefined)?.[3]).toEqual({
      type: 'function_result',
      call_id: call?.id,
      name: 'get_weather',
      result: { city: call?.arguments.city, sky: 'clear' },
    });
    expect(answer.text).toContain('"sky":"clear"');

    // The next turn's history carries the whole tool turn.
    await conversation.send('Thanks!');
    const third = env.fast.creates().at(-1);
    expect(types(third?.input as Step[])).toEqual([
      'user_input',
      'thought',
      'function_call',
      'function_result',
      'thought',
      'model_output',
      'user_input',
    ]);
  });

  it('stateful: previous_interaction_id of the interaction that called, then of the continuation next turn', async () => {
    const { conversation, created, before } = open({ onToolCall: () => 'Sunny, 24 °C' });
    await conversation.send(WEATHER);
    await conversation.send('And tomorrow?');
    const [, second, third] = env.fast.creates().slice(before);
    expect(second).toMatchObject({ previous_interaction_id: created[0] });
    expect(third).toMatchObject({ previous_interaction_id: created[1], input: 'And tomorrow?' });
  });

  it('a thrown error is sent as is_error with its message; calls left undefined wait for addToolResult', async () => {
    const onToolCall: ToolCallHandler = (call) => {
      if (call.name === 'get_time') throw new Error('clock unavailable');
      return undefined; // get_weather: asks the user first
    };
    const { conversation, before } = open({ onToolCall });
    await conversation.send('Both? [emulator: call=get_weather,get_time]');
    const waiting = lastModel(conversation);
    expect(waiting.status).toBe('requires_action');
    expect(toolCallsOf(waiting).map((view) => [view.call.name, view.status])).toEqual([
      ['get_weather', 'waiting'],
      ['get_time', 'error'],
    ]);
    const [weather] = pendingToolCalls(waiting);
    await conversation.addToolResult(weather?.id ?? '', 'Rain');
    const continuation = env.fast.creates()[before + 1];
    // In the order they were answered: the failure came first.
    expect(continuation?.input).toEqual([
      expect.objectContaining({ name: 'get_time', is_error: true, result: 'clock unavailable' }),
      { type: 'function_result', call_id: weather?.id, name: 'get_weather', result: 'Rain' },
    ]);
    const text = lastModel(conversation).text;
    expect(text).toContain('`get_weather` (call `');
    expect(text).toContain('failed: `clock unavailable`');
  });

  it('ends with a ToolRoundtripLimitError when the model keeps calling past maxToolRoundtrips', async () => {
    const onToolCall = vi.fn(() => 'again');
    const onError = vi.fn();
    const { conversation, before } = open({ onToolCall, onError, maxToolRoundtrips: 2 });
    await conversation.send('Loop [emulator: call=get_time rounds=10]');
    const { status, error } = conversation.getSnapshot();
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(ToolRoundtripLimitError);
    expect(error).toMatchObject({ kind: 'tool_limit', limit: 2 });
    expect(onToolCall).toHaveBeenCalledTimes(2);
    expect(env.fast.creates().length - before).toBe(3);
    expect(onError).toHaveBeenCalledWith(error, lastModel(conversation));
    expect(toolCallsOf(lastModel(conversation)).map((view) => view.status)).toEqual([
      'done',
      'done',
      'cancelled',
    ]);
    // Saved and restored (a reload): the same typed error, not an UnexpectedError.
    const restored = new Conversation({ client: env.fast.client, model: MODEL });
    restored.restore(JSON.parse(JSON.stringify(conversation.serialize())));
    expect(restored.getSnapshot().error).toBeInstanceOf(ToolRoundtripLimitError);
    expect(restored.getSnapshot().error).toMatchObject({
      kind: 'tool_limit',
      limit: 2,
      message: error?.message,
    });
  });

  it('stop() during a call aborts its signal: no result is sent and the turn is cancelled, ready to retry', async () => {
    let signal: AbortSignal | undefined;
    let markStarted = () => {};
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const onToolCall: ToolCallHandler = (_call, context) => {
      signal = context.signal;
      markStarted();
      return new Promise((_resolve, reject) =>
        context.signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    };
    const { conversation, before } = open({ onToolCall });
    const sent = conversation.send(WEATHER);
    await started;
    expect(conversation.getSnapshot()).toMatchObject({ status: 'submitted', isLoading: true });
    expect(toolCallsOf(lastModel(conversation))[0]?.status).toBe('running');
    conversation.stop();
    await sent;
    expect(signal?.aborted).toBe(true);
    expect(lastModel(conversation).status).toBe('cancelled');
    expect(toolCallsOf(lastModel(conversation))[0]?.status).toBe('cancelled');
    expect(env.fast.creates().length - before).toBe(1);
  });

  it('an unmount while the answer after the results streams resumes it on the next mount, earlier steps kept once', async () => {
    const persistence = createMemoryAdapter<SerializedConversation>();
    const options = {
      client: env.slow.client,
      model: MODEL,
      tools: TOOLS,
      id: 'resume',
      persistence,
      onToolCall: () => ({ ok: true }),
      // Told of every frame's text, so that the unmount lands while the answer still streams.
      streamingUpdateMs: 0,
    };
    const before = env.slow.creates().length;
    const first = new Conversation(options);
    const detach = first.attach();
    first.send('Weather? [emulator: call=get_weather words=200]');
    await until(first, (s) => {
      const model = s.messages[1] as ModelMessage | undefined;
      return !!model?.interactionId && model.roundStart !== undefined && model.text.length > 20;
    });
    detach();
    const second = new Conversation(options);
    // The usage the resumed turn shows while it streams on: the first request's, counted once.
    const usageWhileStreaming = new Set<number | undefined>();
    second.subscribe(() => {
      const model = second.getSnapshot().messages[1] as ModelMessage | undefined;
      if (model?.status === 'streaming') usageWhileStreaming.add(model.usage?.total_tokens);
    });
    const detachSecond = second.attach();
    const done = await until(second, (s) => s.status === 'completed');
    const answer = done.messages[1] as ModelMessage;
    expect(types(answer.steps)).toEqual(ONE_ROUND);
    expect(answer.text).toBe(await env.slow.storedText(answer.interactionId as string));
    const [firstRequest, latest] = await Promise.all(
      [...(answer.earlierInteractionIds ?? []), answer.interactionId as string].map((id) =>
        env.slow.client.interactions.get(id),
      ),
    );
    const firstTotal = firstRequest?.usage?.total_tokens ?? Number.NaN;
    const total = firstTotal + (latest?.usage?.total_tokens ?? Number.NaN);
    expect(answer.usage?.total_tokens).toBe(total);
    // Until the stream's end brings the latest request's usage, the first's alone (a frame may show the end's).
    expect(usageWhileStreaming.has(firstTotal)).toBe(true);
    for (const shown of usageWhileStreaming) expect([firstTotal, total]).toContain(shown);
    expect(total).not.toBe(2 * firstTotal);
    // The continuation's stream was read again, not asked for twice.
    expect(env.slow.creates().length - before).toBe(2);
    const resumed = env.slow.emulator.requests.filter((r) => r.method === 'GET' && r.query.stream === 'true');
    expect(resumed.at(-1)?.path).toBe(`/v1beta/interactions/${answer.interactionId}`);
    detachSecond();
  });
});

describe('Conversation: the usage of a turn that called functions', () => {
  it('adds up usage once when a later round waits for addToolResult, and again when it goes on', async () => {
    let round = 0;
    const conversation = new Conversation({
      client: env.fast.client,
      model: MODEL,
      tools: TOOLS,
      // The first round's call is answered here; the second round's is left to the app (addToolResult).
      onToolCall: () => (++round === 1 ? { ok: true } : undefined),
    });
    const usageOfStored = async () => {
      const [answer] = conversation.serialize().messages.filter((message) => message.role === 'model');
      const ids = [...(answer?.earlierInteractionIds ?? []), answer?.interactionId as string];
      const stored = await Promise.all(ids.map((id) => env.fast.client.interactions.get(id)));
      return {
        answer,
        requests: ids.length,
        total: stored.reduce((sum, interaction) => sum + (interaction.usage?.total_tokens ?? Number.NaN), 0),
      };
    };
    await conversation.send('Twice [emulator: call=get_time rounds=2]');
    const waiting = await usageOfStored();
    expect(waiting.answer?.status).toBe('requires_action');
    expect(waiting.requests).toBe(2);
    expect(waiting.answer?.usage?.total_tokens).toBe(waiting.total);

    const call = waiting.answer?.steps.findLast((step) => step.type === 'function_call') as { id: string };
    await conversation.addToolResult(call.id, { ok: true });
    const done = await usageOfStored();
    expect(done.answer?.status).toBe('completed');
    expect(done.requests).toBe(3);
    expect(done.answer?.usage?.total_tokens).toBe(done.total);
  });
});

describe('toolCallsOf / pendingToolCalls', () => {
  const call = (id: string): FunctionCallStep => ({ type: 'function_call', id, name: 'f', arguments: {} });
  const model = (status: ModelMessage['status'], steps: Step[]) =>
    ({ role: 'model', status, steps }) as unknown as ModelMessage;

  it('gives each call a status from its result and the turn', () => {
    const steps: Step[] = [
      call('a'),
      call('b'),
      call('c'),
      { type: 'function_result', call_id: 'a', result: 'ok' },
    ];
    steps.push({ type: 'function_result', call_id: 'b', result: 'no', is_error: true });
    expect(toolCallsOf(model('requires_action', steps)).map((v) => v.status)).toEqual([
      'done',
      'error',
      'waiting',
    ]);
    expect(toolCallsOf(model('streaming', steps)).map((v) => v.status)).toEqual(['done', 'error', 'running']);
    expect(toolCallsOf(model('cancelled', steps)).map((v) => v.status)).toEqual([
      'done',
      'error',
      'cancelled',
    ]);
    expect(pendingToolCalls(model('requires_action', steps)).map((c) => c.id)).toEqual(['c']);
    expect(pendingToolCalls(model('completed', steps))).toEqual([]);
    expect(pendingToolCalls(undefined)).toEqual([]);
  });
});

describe('toResult: what an onToolCall value is sent as', () => {
  it('keeps strings, JSON objects and content lists; wraps the rest; goes through JSON', () => {
    expect(toResult('plain')).toBe('plain');
    expect(toResult({ a: 1, when: new Date(0) })).toEqual({ a: 1, when: '1970-01-01T00:00:00.000Z' });
    expect(toResult([{ type: 'text', text: 'hi' }])).toEqual([{ type: 'text', text: 'hi' }]);
    expect(toResult([1, 2])).toEqual({ result: [1, 2] });
    expect(toResult(42)).toEqual({ result: 42 });
    expect(toResult(null)).toEqual({ result: null });
    expect(toResult(() => 1)).toEqual({ result: null });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(toResult(cyclic)).toBe('[object Object]');
  });
});

/**
 * Function calling in the default responder: `[emulator: call=NAME]` makes the model call a declared
 * function, the results come back (stateful or stateless) and are quoted in the answer. Through the official
 * @google/genai SDK (2.32) over real HTTP, and through raw HTTP for the wire details and the 400s.
 */
import type { FunctionCallStep, Interaction, Step } from '@gemkit/core';
import { GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.js';
import { type EmulatorServer, startEmulatorServer } from './node.js';
import { answerText, create, expectApiError, FAST, MODEL, post, readEvents } from './test-helpers.js';

const WEATHER = {
  type: 'function',
  name: 'get_weather',
  description: 'The weather in a city.',
  parameters: {
    type: 'object',
    properties: {
      city: { type: 'string' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      days: { type: 'integer', minimum: 1, maximum: 7 },
      detailed: { type: 'boolean' },
    },
    required: ['city', 'unit', 'days'],
  },
};
const TIME = {
  type: 'function',
  name: 'get_time',
  parameters: { type: 'object', properties: { timezone: { type: 'string' } }, required: ['timezone'] },
};
const TOOLS = [WEATHER, TIME];

const callsOf = (interaction: Pick<Interaction, 'steps'>) =>
  (interaction.steps ?? []).filter((s): s is FunctionCallStep => s.type === 'function_call');

describe('@google/genai 2.32: function calling on the emulator over HTTP', () => {
  let server: EmulatorServer;
  let ai: GoogleGenAI;
  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, pacing: { chunkSize: 8, delayMs: 1 } });
    ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: server.url } });
  });
  afterAll(() => server.close());
  beforeEach(() => server.emulator.reset());
  const params = (p: Record<string, unknown>) => ({ model: MODEL, ...p }) as never;

  it('calls the function (requires_action, arguments from its schema), then quotes the result it is sent', async () => {
    const call = (await ai.interactions.create(
      params({ input: 'Weather in town? [emulator: call=get_weather]', tools: TOOLS }),
    )) as unknown as Interaction;
    expect(call.status).toBe('requires_action');
    expect(call.steps?.map((s) => s.type)).toEqual(['thought', 'function_call']);
    const [step] = callsOf(call);
    expect(step).toMatchObject({
      type: 'function_call',
      name: 'get_weather',
      id: expect.stringMatching(/^call_/),
    });
    expect(Object.keys(step?.arguments ?? {}).sort()).toEqual(['city', 'days', 'unit']);
    expect(typeof step?.arguments.city).toBe('string');
    expect(['celsius', 'fahrenheit']).toContain(step?.arguments.unit);
    expect(Number.isInteger(step?.arguments.days)).toBe(true);
    expect(step?.arguments.days).toBeGreaterThanOrEqual(1);
    expect(step?.arguments.days).toBeLessThanOrEqual(7);

    const result = { temperature: 21, sky: 'sunny' };
    const answer = (await ai.interactions.create(
      params({
        previous_interaction_id: call.id,
        tools: TOOLS,
        input: [{ type: 'function_result', call_id: step?.id, name: 'get_weather', result }],
      }),
    )) as unknown as Interaction & { output_text?: string };
    expect(answer.status).toBe('completed');
    expect(answer.output_text).toContain(JSON.stringify(result));
    expect(answer.output_text).toContain('`get_weather`');
  });

  it('streams a call: step.start carries the function_call, its arguments arrive as arguments_delta', async () => {
    const stream = await ai.interactions.create(
      params({ input: 'Weather? [emulator: call=get_weather]', tools: TOOLS, stream: true }),
    );
    const events: {
      event_type: string;
      index?: number;
      step?: Step;
      delta?: { type: string; arguments?: string };
    }[] = [];
    for await (const event of stream as unknown as AsyncIterable<(typeof events)[number]>) events.push(event);
    const start = events.find((e) => e.event_type === 'step.start' && e.step?.type === 'function_call');
    expect(start?.step).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: {} });
    const deltas = events.filter((e) => e.index === start?.index && e.event_type === 'step.delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.every((e) => e.delta?.type === 'arguments_delta')).toBe(true);
    const streamed = JSON.parse(deltas.map((e) => e.delta?.arguments).join(''));
    expect(events.some((e) => e.event_type === 'step.stop' && e.index === start?.index)).toBe(true);
    expect(events.at(-1)).toMatchObject({
      event_type: 'interaction.completed',
      interaction: { status: 'requires_action' },
    });
    const id = (events[0] as unknown as { interaction: { id: string } }).interaction.id;
    const stored = (await ai.interactions.get(id)) as unknown as Interaction;
    expect(callsOf(stored)[0]?.arguments).toEqual(streamed);
  });
});

describe('the default responder, function calling (raw HTTP)', () => {
  const emulator = createEmulator({ pacing: FAST });
  beforeEach(() => emulator.reset());

  it('the same conversation and seed call with the same arguments; another seed, other ones', async () => {
    const ask = (seed: number) =>
      create(emulator, {
        input: 'Weather? [emulator: call=get_weather]',
        tools: TOOLS,
        generation_config: { seed },
      });
    const [a, b, c] = await Promise.all([ask(1), ask(1), ask(2)]);
    expect(callsOf(a)).toEqual(callsOf(b));
    expect(callsOf(a)[0]?.arguments).not.toEqual(callsOf(c)[0]?.arguments);
  });

  it('calls several functions (call=a,b or repeated), with a preamble when asked', async () => {
    for (const directive of [
      'call=get_weather,get_time preamble',
      'call=get_weather call=get_time, preamble',
    ]) {
      const call = await create(emulator, { input: `Both? [emulator: ${directive}]`, tools: TOOLS });
      expect(call.steps?.map((s) => s.type)).toEqual([
        'thought',
        'model_output',
        'function_call',
        'function_call',
      ]);
      expect(answerText(call)).toBe('I will call `get_weather` and `get_time` for that.');
      expect(callsOf(call).map((s) => s.name)).toEqual(['get_weather', 'get_time']);
      expect(callsOf(call)[1]?.arguments).toEqual({ timezone: expect.any(String) });
      expect(new Set(callsOf(call).map((s) => s.id)).size).toBe(2);
    }
  });

  it('never calls a function the request does not declare, and says so', async () => {
    const answer = await create(emulator, { input: 'Stock? [emulator: call=get_stock]', tools: TOOLS });
    expect(answer.status).toBe('completed');
    expect(callsOf(answer)).toEqual([]);
    expect(answerText(answer)).toContain('cannot call `get_stock`');
    const none = await create(emulator, { input: 'Weather? [emulator: call=get_weather]' });
    expect(callsOf(none)).toEqual([]);
    const forbidden = await create(emulator, {
      input: 'Weather? [emulator: call=get_weather]',
      tools: TOOLS,
      generation_config: { tool_choice: 'none' },
    });
    expect(callsOf(forbidden)).toEqual([]);
  });

  it('stateless: the whole history ending in the results is answered, errors quoted as failures', async () => {
    const question: Step = {
      type: 'user_input',
      content: [{ type: 'text', text: 'Both? [emulator: call=get_weather,get_time]' }],
    };
    const call = await create(emulator, { input: [question], tools: TOOLS, store: false });
    const [weather, time] = callsOf(call);
    const results: Step[] = [
      { type: 'function_result', call_id: weather?.id ?? '', name: 'get_weather', result: 'Rain, 12 °C' },
      { type: 'function_result', call_id: time?.id ?? '', is_error: true, result: 'clock unavailable' },
    ];
    const answer = await create(emulator, {
      input: [question, ...(call.steps ?? []), ...results],
      tools: TOOLS,
      store: false,
    });
    expect(answer.status).toBe('completed');
    const text = answerText(answer);
    expect(text).toContain(`\`get_weather\` (call \`${weather?.id}\`) returned \`Rain, 12 °C\``);
    expect(text).toContain(`\`get_time\` (call \`${time?.id}\`) failed: \`clock unavailable\``);
  });

  it('rounds=N calls again after each of the first N−1 batches of results', async () => {
    let interaction = await create(emulator, {
      input: 'Loop [emulator: call=get_time rounds=3]',
      tools: TOOLS,
    });
    const statuses = [interaction.status];
    for (let i = 0; i < 3; i++) {
      const [call] = callsOf(interaction);
      interaction = await create(emulator, {
        previous_interaction_id: interaction.id,
        tools: TOOLS,
        input: [{ type: 'function_result', call_id: call?.id ?? '', result: { round: i + 1 } }],
      });
      statuses.push(interaction.status);
    }
    expect(statuses).toEqual(['requires_action', 'requires_action', 'requires_action', 'completed']);
    expect(answerText(interaction)).toContain('{"round":3}');
  });

  it('refuses a function_result that answers no pending call: 400 INVALID_ARGUMENT, stateful and stateless', async () => {
    const call = await create(emulator, { input: 'Weather? [emulator: call=get_weather]', tools: TOOLS });
    const id = callsOf(call)[0]?.id ?? '';
    const unknown = await post(emulator, '/v1beta/interactions', {
      model: MODEL,
      previous_interaction_id: call.id,
      input: [{ type: 'function_result', call_id: 'call_nope', result: 'x' }],
    });
    await expectApiError(unknown, 400, 'INVALID_ARGUMENT', /input\[0\]\.call_id.*'call_nope'.*pending: '/);

    const answered = await create(emulator, {
      previous_interaction_id: call.id,
      input: [{ type: 'function_result', call_id: id, result: 'ok' }],
    });
    const twice = await post(emulator, '/v1beta/interactions', {
      model: MODEL,
      previous_interaction_id: answered.id,
      input: [{ type: 'function_result', call_id: id, result: 'again' }],
    });
    await expectApiError(twice, 400, 'INVALID_ARGUMENT', /no pending function call has id/);

    const stateless = await post(emulator, '/v1beta/interactions', {
      model: MODEL,
      store: false,
      input: [
        { type: 'user_input', content: [{ type: 'text', text: 'hi' }] },
        { type: 'function_result', call_id: 'call_1', result: 'x' },
      ],
    });
    await expectApiError(stateless, 400, 'INVALID_ARGUMENT', /input\[1\]\.call_id/);
  });

  it('streams the final answer after the results like any answer', async () => {
    const call = await create(emulator, { input: 'Weather? [emulator: call=get_weather]', tools: TOOLS });
    const response = await post(emulator, '/v1beta/interactions', {
      model: MODEL,
      stream: true,
      previous_interaction_id: call.id,
      input: [{ type: 'function_result', call_id: callsOf(call)[0]?.id, result: { ok: true } }],
    });
    const events = await readEvents(response);
    const text = events
      .map((e) => (e as { delta?: { type: string; text?: string } }).delta)
      .filter((d) => d?.type === 'text')
      .map((d) => d?.text)
      .join('');
    expect(text).toContain('{"ok":true}');
    expect(events.at(-1)).toMatchObject({ interaction: { status: 'completed' } });
  });
});

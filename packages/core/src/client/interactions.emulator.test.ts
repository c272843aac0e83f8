import { describe, expect, test } from 'vitest';
import { ApiError } from '../errors.js';
import { reduceInteraction } from '../reduce/reduce-interaction.js';
import { getText, getThoughtSummary } from '../reduce/text.js';
import {
  CREATE,
  clientFor,
  collect,
  eventCarried,
  MODEL,
  startServer,
  useEmulatorServer,
} from '../test-support/emulator.js';
import { type Interaction, isEventOfType } from '../wire/index.js';
import { InteractionStream } from './interaction-stream.js';

const emulator = useEmulatorServer();

const thinking = { thinking_level: 'low', thinking_summaries: 'auto' } as const;

describe('interactions over real HTTP', () => {
  test('create answers the completed Interaction; headers carry the revision and no key unless given', async () => {
    const answer = await clientFor(emulator()).interactions.create({
      model: MODEL,
      input: 'Name three rivers.',
    });
    expect(answer).toMatchObject({ object: 'interaction', status: 'completed', model: MODEL });
    expect(getText(answer)).not.toBe('');
    const [request] = emulator().requestsTo(CREATE).slice(-1);
    expect(request?.headers['api-revision']).toBe('2026-05-20');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers).not.toHaveProperty('x-goog-api-key');

    await clientFor(emulator(), { apiKey: 'k', headers: { 'x-trace': 't1' } }).interactions.create({
      model: MODEL,
      input: 'Hi',
    });
    const [keyed] = emulator().requestsTo(CREATE).slice(-1);
    expect(keyed?.headers).toMatchObject({
      'x-goog-api-key': '[redacted]',
      'api-revision': '2026-05-20',
      'x-trace': 't1',
    });

    // Another revision is sent as given (and this server refuses it).
    const other = clientFor(emulator(), { apiRevision: '2099-01-01' }).interactions.create({
      model: MODEL,
      input: 'Hi',
    });
    await expect(other).rejects.toMatchObject({
      kind: 'api',
      status: 400,
      message: expect.stringContaining('2099-01-01'),
    });
  });

  test('a streamed create rebuilds exactly the Interaction that GET returns afterwards', async () => {
    const client = clientFor(emulator());
    const stream = await client.interactions.create({
      model: MODEL,
      input: 'Explain tides. [emulator: words=60]',
      generation_config: thinking,
      stream: true,
    });
    expect(stream).toBeInstanceOf(InteractionStream);
    const events = await collect(stream);
    expect(events[0]?.event_type).toBe('interaction.created');
    expect(events.at(-1)?.event_type).toBe('interaction.completed');
    expect(events.filter((event) => event.event_type === 'step.delta').length).toBeGreaterThan(10);

    const final = await stream.finalInteraction();
    expect(final).toBe(stream.snapshot);
    expect(stream.interactionId).toBe(final.id);
    expect(stream.lastEventId).toBe(events.at(-1)?.event_id);
    const stored = await client.interactions.get(final.id);
    expect(eventCarried(final)).toEqual(eventCarried(stored));
    expect(getThoughtSummary(final)).not.toBe('');
    expect(getText(final)).toBe(getText(stored));
  });

  test('function calls (streamed arguments) and image output reassemble to the stored Interaction too', async () => {
    const server = await startServer({
      responder: () => ({
        steps: [
          { type: 'model_output', content: [{ type: 'text', text: 'Let me look that up and draw it.' }] },
          {
            type: 'model_output',
            content: [{ type: 'image', data: 'iVBORw0KGgo=', mime_type: 'image/png' }],
          },
          {
            type: 'function_call',
            id: 'call_1',
            name: 'get_weather',
            arguments: { city: 'Paris', days: [1, 2] },
          },
        ],
      }),
    });
    try {
      const client = clientFor(server);
      const stream = await client.interactions.create({ model: MODEL, input: 'Weather?', stream: true });
      const events = await collect(stream);
      expect(
        events.some((event) => isEventOfType(event, 'step.delta') && event.delta.type === 'arguments_delta'),
      ).toBe(true);
      const final = await stream.finalInteraction();
      const stored = await client.interactions.get(final.id);
      expect(final.status).toBe('requires_action');
      expect(final.steps?.[2]).toMatchObject({ arguments: { city: 'Paris', days: [1, 2] } });
      expect(eventCarried(final)).toEqual(eventCarried(stored));
    } finally {
      await server.close();
    }
  });

  test('finalInteraction alone consumes the stream; a second iteration is a UsageError', async () => {
    const stream = await clientFor(emulator()).interactions.create({
      model: MODEL,
      input: 'Hello',
      stream: true,
    });
    const final = await stream.finalInteraction();
    expect(final.status).toBe('completed');
    expect(() => stream[Symbol.asyncIterator]()).toThrow(expect.objectContaining({ kind: 'usage' }));
  });

  test('get reads the stored Interaction, with its input on request', async () => {
    const client = clientFor(emulator());
    const created = await client.interactions.create({ model: MODEL, input: 'Remember me' });
    const plain = await client.interactions.get(created.id);
    expect(plain).toEqual(created);
    expect(plain.input).toBeUndefined();
    const withInput = await client.interactions.get(created.id, { include_input: true });
    expect(withInput.input).toEqual('Remember me');
  });

  test('a streamed get replays every event, or only those after last_event_id', async () => {
    const client = clientFor(emulator());
    const original = await client.interactions.create({
      model: MODEL,
      input: 'Replay [emulator: words=30]',
      stream: true,
    });
    const events = await collect(original);
    const stored = await client.interactions.get(original.interactionId as string);

    const replay = await client.interactions.get(stored.id, { stream: true });
    expect(await collect(replay)).toEqual(events);
    expect(eventCarried(replay.snapshot)).toEqual(eventCarried(stored));

    const half = Math.floor(events.length / 2);
    const middle = events[half];
    const partial = events.slice(0, half + 1).reduce<Interaction | undefined>(reduceInteraction, undefined);
    const rest = await client.interactions.get(
      stored.id,
      { stream: true, last_event_id: middle?.event_id },
      { snapshot: partial },
    );
    expect(await collect(rest)).toEqual(events.slice(half + 1));
    expect(eventCarried(await rest.finalInteraction())).toEqual(eventCarried(stored));

    // After the last event there is nothing more to send: the given snapshot is the final one.
    const after = await client.interactions.get(
      stored.id,
      { stream: true, last_event_id: events.at(-1)?.event_id },
      { snapshot: stored },
    );
    expect(await collect(after)).toEqual([]);
    expect(await after.finalInteraction()).toBe(stored);
  });

  test('cancel stops a running generation; the open stream ends with status cancelled', async () => {
    const slow = await startServer({ pacing: { chunkSize: 4, delayMs: 5 } });
    try {
      const client = clientFor(slow);
      const stream = await client.interactions.create({
        model: MODEL,
        input: 'Long [emulator: words=2000]',
        stream: true,
      });
      let cancelled: Interaction | undefined;
      for await (const event of stream) {
        if (event.event_type === 'step.delta' && !cancelled)
          cancelled = await client.interactions.cancel(stream.interactionId as string);
      }
      const final = await stream.finalInteraction();
      expect(final.status).toBe('cancelled');
      expect((await client.interactions.get(final.id)).status).toBe('cancelled');
      expect(slow.emulator.stats.cancels).toBe(1);
    } finally {
      await slow.close();
    }
  });

  test('delete removes an interaction: reading it again is a 404 ApiError', async () => {
    const client = clientFor(emulator());
    const created = await client.interactions.create({ model: MODEL, input: 'Forget me' });
    await expect(client.interactions.delete(created.id)).resolves.toBeUndefined();
    const error = await client.interactions.get(created.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'api', status: 404, code: 404, apiStatus: 'NOT_FOUND' });
  });

  test('bad arguments are UsageErrors, and nothing is sent', async () => {
    const client = clientFor(emulator());
    await expect(client.interactions.create(null as never)).rejects.toMatchObject({ kind: 'usage' });
    await expect(client.interactions.get('')).rejects.toMatchObject({ kind: 'usage' });
    await expect(client.interactions.cancel(42 as never)).rejects.toMatchObject({ kind: 'usage' });
    await expect(client.interactions.delete(' ')).rejects.toMatchObject({ kind: 'usage' });
    expect(emulator().emulator.requests).toHaveLength(0);
  });

  test('stateful and stateless multi-turn', async () => {
    const client = clientFor(emulator());
    const first = await client.interactions.create({ model: MODEL, input: 'My name is Ada.' });
    const second = await client.interactions.create({
      model: MODEL,
      input: 'What is my name?',
      previous_interaction_id: first.id,
    });
    expect(second.previous_interaction_id).toBe(first.id);

    const turn = await client.interactions.create({
      model: MODEL,
      store: false,
      input: [
        { type: 'user_input', content: [{ type: 'text', text: 'Hi' }] },
        ...(first.steps ?? []),
        { type: 'user_input', content: [{ type: 'text', text: 'Again' }] },
      ],
    });
    expect(turn.status).toBe('completed');
    await expect(client.interactions.get(turn.id)).rejects.toMatchObject({ status: 404 });
  });
});

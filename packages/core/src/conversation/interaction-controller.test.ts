import { describe, expect, it, vi } from 'vitest';
import { ApiError, UsageError } from '../errors.js';
import type { Interaction } from '../wire/index.js';
import { InteractionController } from './interaction-controller.js';
import { emulatorsForFile, MODEL, startFixture, until } from './test-fixture.js';

const env = emulatorsForFile();

describe('InteractionController', () => {
  it('streams one request: status goes submitted → streaming → completed, with text, thoughts and usage', async () => {
    const onFinish = vi.fn();
    const controller = new InteractionController({
      client: env.slow.client,
      model: MODEL,
      generation_config: { thinking_level: 'high', thinking_summaries: 'auto' },
      onFinish,
    });
    const statuses: string[] = [];
    controller.subscribe(() => statuses.push(controller.getSnapshot().status));
    const pending = controller.create('Why is the sky blue?');
    expect(controller.getSnapshot()).toMatchObject({ status: 'submitted', isLoading: true });
    const interaction = await pending;

    const state = controller.getSnapshot();
    expect(state.status).toBe('completed');
    expect(state.interaction).toBe(interaction);
    expect(state.text).toContain('Why is the sky blue?');
    expect(state.thoughts).toContain('Reading the request');
    expect(state.usage?.total_thought_tokens).toBeGreaterThan(0);
    // Subscribers hear of the end at the next frame, like of every change.
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('completed'));
    expect(statuses).toContain('streaming');
    expect(onFinish).toHaveBeenCalledWith(interaction);
    const stored = await env.slow.client.interactions.get(interaction?.id as string);
    expect(interaction?.steps).toEqual(stored.steps);
  });

  it('tells of streamed text at most ten times a second by default; at 0, at every frame', async () => {
    const count = async (streamingUpdateMs: number | undefined) => {
      const controller = new InteractionController({
        client: env.slow.client,
        model: MODEL,
        streamingUpdateMs,
      });
      let notifications = 0;
      controller.subscribe(() => notifications++);
      const started = performance.now();
      const interaction = await controller.create('A long one. [emulator: words=300]');
      const elapsedMs = performance.now() - started;
      await vi.waitFor(() => expect(controller.getSnapshot().status).toBe('completed'));
      expect(interaction?.status).toBe('completed');
      // One per 100 ms of stream, plus the changes of status: a bound a slow machine only loosens.
      return { notifications, bound: Math.ceil(elapsedMs / 100) + 4 };
    };
    const paced = await count(undefined);
    expect(paced.notifications).toBeLessThanOrEqual(paced.bound);
    const everyFrame = await count(0);
    expect(everyFrame.notifications).toBeGreaterThan(everyFrame.bound);
  });

  it('sends without streaming when asked, and per-call overrides win over the options', async () => {
    const controller = new InteractionController({ client: env.fast.client, model: MODEL, stream: false });
    const interaction = await controller.create('Hello', {
      system_instruction: 'Be brief.',
      generation_config: { seed: 7 },
    });
    const request = env.fast.creates().at(-1);
    expect(request).toMatchObject({
      stream: false,
      system_instruction: 'Be brief.',
      generation_config: { seed: 7 },
    });
    expect(controller.getSnapshot()).toMatchObject({
      status: 'completed',
      text: expect.stringContaining('Be brief.'),
    });
    expect(interaction?.status).toBe('completed');
  });

  it('stop() aborts and cancels upstream; a new create() replaces the old one', async () => {
    const controller = new InteractionController({ client: env.slow.client, model: MODEL });
    const first = controller.create('A long one. [emulator: words=300]');
    await until(controller, (s) => s.text.length > 20);
    controller.stop();
    expect(await first).toBeUndefined();
    expect(controller.getSnapshot().status).toBe('cancelled');
    await vi.waitFor(() => expect(env.slow.emulator.stats.cancels).toBe(1));

    const second = controller.create('Another long one. [emulator: words=300]');
    await until(controller, (s) => s.text.length > 20);
    const third = controller.create('Short. [emulator: words=5]');
    expect(await second).toBeUndefined();
    expect((await third)?.status).toBe('completed');
    await vi.waitFor(() => expect(env.slow.emulator.stats.cancels).toBe(2));
    controller.reset();
    expect(controller.getSnapshot()).toMatchObject({ status: 'idle', interaction: undefined, text: '' });
  });

  it('reports a failure as a typed error value, never as a rejection', async () => {
    const onError = vi.fn();
    const controller = new InteractionController({ client: env.fast.client, model: MODEL, onError });
    env.fast.emulator.injectFault({ type: 'status', status: 503, match: { path: '/v1beta/interactions' } });
    expect(await controller.create('Hello')).toBeUndefined();
    const { status, error } = controller.getSnapshot();
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503 });
    expect(onError).toHaveBeenCalledWith(error);
  });

  it('reports requires_action when the model calls a function, and continues with the result', async () => {
    const server = await startFixture({
      responder: (context) =>
        context.input.some((step) => step.type === 'function_result')
          ? 'It is sunny in Paris.'
          : {
              steps: [
                { type: 'function_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } },
              ],
            },
    });
    try {
      const controller = new InteractionController({ client: server.client, model: MODEL });
      const call = (await controller.create('Weather in Paris?')) as Interaction;
      expect(controller.getSnapshot().status).toBe('requires_action');
      expect(call.steps?.[0]).toMatchObject({ type: 'function_call', name: 'get_weather' });
      await controller.create(
        [{ type: 'function_result', call_id: 'call_1', name: 'get_weather', result: 'sunny' }],
        {
          previous_interaction_id: call.id,
        },
      );
      expect(controller.getSnapshot()).toMatchObject({ status: 'completed', text: 'It is sunny in Paris.' });
    } finally {
      await server.close();
    }
  });

  it('sends text and Blob parts as content, in their order', async () => {
    const controller = new InteractionController({ client: env.fast.client, model: MODEL });
    await controller.create(['Look:', new Blob(['%PDF-1.4 tiny'], { type: 'application/pdf' })]);
    expect(env.fast.creates().at(-1)?.input).toEqual([
      { type: 'text', text: 'Look:' },
      { type: 'document', mime_type: 'application/pdf', data: btoa('%PDF-1.4 tiny') },
    ]);
    expect(controller.getSnapshot().status).toBe('completed');
  });

  it('rejects input that cannot be sent with a UsageError', async () => {
    const controller = new InteractionController({ client: env.fast.client, model: MODEL });
    await expect(controller.create(undefined as never)).rejects.toBeInstanceOf(UsageError);
    await expect(controller.create(['ok', 5 as never])).resolves.toBeUndefined();
    expect(controller.getSnapshot().error).toBeInstanceOf(UsageError);
    const noModel = new InteractionController({ client: env.fast.client });
    await noModel.create('Hi');
    expect(noModel.getSnapshot().error?.message).toMatch(/No model/);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ApiError, StreamError, StreamInterruptedError, UsageError } from '../errors.js';
import type { InteractionEvent } from '../wire/index.js';
import { Conversation } from './conversation.js';
import type { ModelMessage } from './message.js';
import { emulatorsForFile, MODEL, until } from './test-fixture.js';

const env = emulatorsForFile();

const LONG = 'Tell me a long story. [emulator: words=400]';

describe('stop', () => {
  it('aborts mid-stream, cancels upstream, keeps the partial answer and the input for a retry', async () => {
    const onFinish = vi.fn();
    const conversation = new Conversation({ client: env.slow.client, model: MODEL, onFinish });
    const sending = conversation.send(LONG);
    await until(conversation, (s) => (s.messages[1]?.text.length ?? 0) > 40);
    conversation.stop();
    await sending;

    const { messages, status, isLoading } = conversation.getSnapshot();
    const answer = messages[1] as ModelMessage;
    expect(status).toBe('cancelled');
    expect(isLoading).toBe(false);
    expect(answer.status).toBe('cancelled');
    expect(answer.text.length).toBeGreaterThan(40);
    expect(messages[0]).toMatchObject({ text: LONG, status: 'sent' });
    expect(onFinish).toHaveBeenCalledWith(answer);
    await vi.waitFor(() => expect(env.slow.emulator.stats.cancels).toBe(1));
    const cancel = env.slow.emulator.requests.find((r) => r.path.endsWith('/cancel'));
    expect(cancel?.path).toBe(`/v1beta/interactions/${answer.interactionId}/cancel`);
    expect((await env.slow.client.interactions.get(answer.interactionId as string)).status).toBe('cancelled');

    await conversation.retry();
    const retried = conversation.getSnapshot().messages;
    expect(retried).toHaveLength(2);
    expect(retried[0]).toBe(messages[0]);
    expect(retried[1]).toMatchObject({ status: 'completed' });
  });
});

describe('failures', () => {
  it('a 429 marks the turn failed with a typed error; retry() sends the same user message again', async () => {
    const onError = vi.fn();
    const conversation = new Conversation({ client: env.fast.client, model: MODEL, onError });
    env.fast.emulator.injectFault({
      type: 'status',
      status: 429,
      retryAfterSeconds: 1,
      match: { path: '/v1beta/interactions' },
    });
    await conversation.send('I have 2 dogs in my house.');

    const failed = conversation.getSnapshot();
    expect(failed.status).toBe('error');
    expect(failed.error).toBeInstanceOf(ApiError);
    expect(failed.error).toMatchObject({ status: 429, apiStatus: 'RESOURCE_EXHAUSTED', retryAfter: 1 });
    expect(failed.messages[0]).toMatchObject({ text: 'I have 2 dogs in my house.', status: 'unsent' });
    expect(onError).toHaveBeenCalledWith(failed.error, failed.messages[1]);

    await conversation.retry();
    const { messages, status, error } = conversation.getSnapshot();
    expect(status).toBe('completed');
    expect(error).toBeUndefined();
    expect(messages).toHaveLength(2);
    expect(messages[0]?.id).toBe(failed.messages[0]?.id);
    expect(messages[0]?.status).toBe('sent');
    expect(messages[1]?.id).not.toBe(failed.messages[1]?.id);
  });

  // Paced: events that arrive in the same instant as the cut can be dropped with the connection.
  it('a stream cut mid-way is resumed after the last event: the text is whole, nothing repeated', async () => {
    const conversation = new Conversation({ client: env.slow.client, model: MODEL });
    env.slow.emulator.injectFault({ type: 'cut', afterEvents: 6, match: { path: '/v1beta/interactions' } });
    await conversation.send('Tell me something. [emulator: words=60]');
    const answer = conversation.getSnapshot().messages[1] as ModelMessage;
    expect(answer.status).toBe('completed');
    expect(answer.text).toBe(await env.slow.storedText(answer.interactionId as string));
    const resume = env.slow.emulator.requests.find(
      (r) =>
        r.method === 'GET' &&
        r.path === `/v1beta/interactions/${answer.interactionId}` &&
        r.query.last_event_id,
    );
    expect(resume?.query.stream).toBe('true');
  });

  it('a cut stateless stream cannot be resumed: the turn fails as interrupted, and retry() recovers', async () => {
    const conversation = new Conversation({ client: env.slow.client, model: MODEL, mode: 'stateless' });
    env.slow.emulator.injectFault({ type: 'cut', afterEvents: 10, match: { path: '/v1beta/interactions' } });
    await conversation.send('Tell me something. [emulator: words=60]');
    const failed = conversation.getSnapshot();
    expect(failed.error).toBeInstanceOf(StreamInterruptedError);
    expect(failed.error).toMatchObject({ reason: 'not_stored' });
    expect((failed.messages[1] as ModelMessage).text.length).toBeGreaterThan(0);
    await conversation.retry();
    expect(conversation.getSnapshot().status).toBe('completed');
  });

  it('an error event mid-stream fails the turn with a StreamError and keeps what had arrived', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    env.fast.emulator.injectFault({ type: 'error', afterEvents: 8, message: 'The model fell over' });
    await conversation.send('Tell me something. [emulator: words=300]');
    const { error, messages } = conversation.getSnapshot();
    expect(error).toBeInstanceOf(StreamError);
    expect(error?.message).toBe('The model fell over');
    expect((messages[1] as ModelMessage).steps.length).toBeGreaterThan(0);
    expect(messages[0]?.status).toBe('sent');
  });

  it('a missing model fails the turn with a UsageError instead of throwing', async () => {
    const conversation = new Conversation({ client: env.fast.client });
    await conversation.send('hello');
    expect(conversation.getSnapshot().error).toBeInstanceOf(UsageError);
  });
});

describe('bad calls', () => {
  it('reject with a UsageError and change nothing', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    await expect(conversation.send('')).rejects.toBeInstanceOf(UsageError);
    await expect(conversation.send([])).rejects.toBeInstanceOf(UsageError);
    await expect(conversation.send(42 as never)).rejects.toBeInstanceOf(UsageError);
    await expect(conversation.send([{ type: 'bogus' } as never])).rejects.toThrow(/"bogus" part/);
    await expect(conversation.edit('nope', 'x')).rejects.toBeInstanceOf(UsageError);
    await expect(conversation.regenerate()).rejects.toBeInstanceOf(UsageError);
    expect(() => conversation.switchBranch('nope', 'next')).toThrow(UsageError);
    expect(() => conversation.restore({ version: 9 } as never)).toThrow(UsageError);
    expect(conversation.getSnapshot().messages).toEqual([]);
    await conversation.retry(); // nothing to retry: a no-op
    conversation.stop(); // nothing running: a no-op
    expect(conversation.getSnapshot().status).toBe('idle');
  });
});

describe('callbacks', () => {
  it('onEvent sees every stream event, onFinish the finished message', async () => {
    const events: InteractionEvent[] = [];
    const onFinish = vi.fn();
    const conversation = new Conversation({
      client: env.fast.client,
      model: MODEL,
      onEvent: (event) => events.push(event),
      onFinish,
    });
    await conversation.send('Hi');
    expect(events[0]?.event_type).toBe('interaction.created');
    expect(events.at(-1)?.event_type).toBe('interaction.completed');
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(onFinish.mock.calls[0]?.[0]).toBe(conversation.getSnapshot().messages[1]);
  });
});

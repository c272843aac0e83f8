import { describe, expect, it, vi } from 'vitest';
import { ApiError, StreamInterruptedError } from '../errors.js';
import { createMemoryAdapter } from '../store/persistence/memory.js';
import { Conversation, type ConversationOptions } from './conversation.js';
import type { ModelMessage } from './message.js';
import type { SerializedConversation } from './serialize.js';
import { emulatorsForFile, MODEL, until } from './test-fixture.js';

const env = emulatorsForFile();

function pair(options: Partial<ConversationOptions> & Pick<ConversationOptions, 'client'>) {
  const persistence = createMemoryAdapter<SerializedConversation>();
  const open = () => new Conversation({ model: MODEL, id: 'chat', persistence, ...options });
  return { persistence, open };
}

describe('persistence', () => {
  it('a new instance with the same id and adapter restores every message, and continues the history', async () => {
    const { open } = pair({ client: env.fast.client });
    const first = open();
    await first.send('I have 2 dogs in my house.');
    const saved = first.getSnapshot();

    const second = open();
    expect(second.getSnapshot()).toMatchObject({ hydrated: false, messages: [] });
    await second.hydrate();
    const restored = second.getSnapshot();
    expect(restored.hydrated).toBe(true);
    expect(restored.messages).toEqual(saved.messages);
    expect(restored.status).toBe('completed');

    const before = env.fast.creates().length;
    await second.send('How many paws are in my house?');
    expect(env.fast.creates()[before]?.previous_interaction_id).toBe(
      (saved.messages[1] as ModelMessage).interactionId,
    );
  });

  it('keeps a failed turn, its typed error and the user input across a reload', async () => {
    const { open } = pair({ client: env.fast.client });
    const first = open();
    env.fast.emulator.injectFault({
      type: 'status',
      status: 429,
      retryAfterSeconds: 2,
      match: { path: '/v1beta/interactions' },
    });
    await first.send('Please remember me.');

    const second = open();
    await second.hydrate();
    const { error, messages, status } = second.getSnapshot();
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfter: 2 });
    expect(messages[0]).toMatchObject({ text: 'Please remember me.', status: 'unsent' });
    await second.retry();
    expect(second.getSnapshot().status).toBe('completed');
  });

  it('an unmount mid-stream leaves the turn resumable; the next mount resumes it to the full answer', async () => {
    const { open, persistence } = pair({ client: env.slow.client });
    const first = open();
    const detach = first.attach();
    first.send('Tell me a story. [emulator: words=120]');
    await until(first, (s) => (s.messages[1]?.text.length ?? 0) > 20);
    detach();

    const saved = (await persistence.load('chat')) as SerializedConversation;
    const interrupted = saved.messages[1] as ModelMessage;
    expect(interrupted.status).toBe('streaming');
    expect(interrupted.interactionId).toBeDefined();
    expect(env.slow.emulator.stats.cancels).toBe(0);

    const second = open();
    const detachSecond = second.attach();
    const done = await until(second, (s) => s.status === 'completed');
    const answer = done.messages[1] as ModelMessage;
    expect(answer.id).toBe(interrupted.id);
    expect(answer.text).toBe(await env.slow.storedText(answer.interactionId as string));
    const resumed = env.slow.emulator.requests.find((r) => r.method === 'GET' && r.query.stream === 'true');
    expect(resumed?.path).toBe(`/v1beta/interactions/${answer.interactionId}`);
    detachSecond();
  });

  it('a stateless turn cut by a reload cannot be resumed: it is marked interrupted, ready to retry', async () => {
    const { open } = pair({ client: env.slow.client, mode: 'stateless' });
    const first = open();
    const detach = first.attach();
    first.send('Tell me a story. [emulator: words=120]');
    await until(first, (s) => (s.messages[1]?.text.length ?? 0) > 20);
    // A reload: the page goes away without unmounting anything.
    const saved = first.serialize();
    detach();

    const second = new Conversation({ client: env.slow.client, model: MODEL, mode: 'stateless' });
    second.restore(saved);
    await second.resume();
    expect(second.getSnapshot().error).toBeInstanceOf(StreamInterruptedError);
    expect(second.getSnapshot().messages[0]?.text).toBe('Tell me a story. [emulator: words=120]');
  });

  it('StrictMode-style attach → detach → attach loads once and starts nothing twice', async () => {
    const persistence = createMemoryAdapter<SerializedConversation>();
    const load = vi.spyOn(persistence, 'load');
    const conversation = new Conversation({
      client: env.fast.client,
      model: MODEL,
      id: 'strict',
      persistence,
    });
    conversation.attach()();
    const detach = conversation.attach();
    await conversation.hydrate();
    expect(load).toHaveBeenCalledTimes(1);
    await conversation.send('Hello');
    expect(env.fast.creates().filter((c) => c.input === 'Hello')).toHaveLength(1);
    detach();
  });

  it('restore saves what it is given, unless told it was just loaded from storage (another tab saved it)', async () => {
    const { open, persistence } = pair({ client: env.fast.client });
    const writer = open();
    await writer.send('Saved by another tab.');
    const reader = open();
    await reader.hydrate();
    const saves = vi.spyOn(persistence, 'save');
    // Saves are queued on promises: a macrotask later, any the restore asked for has run.
    const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

    const saved = (await persistence.load('chat')) as SerializedConversation;
    reader.restore(saved, { save: false });
    await settled();
    expect(reader.getSnapshot().messages.map((m) => m.text)).toEqual(
      writer.getSnapshot().messages.map((m) => m.text),
    );
    expect(saves).not.toHaveBeenCalled();

    reader.restore(saved);
    await settled();
    expect(saves).toHaveBeenCalledTimes(1);
    expect(saves.mock.calls[0]?.[1]).toEqual(saved);
  });

  it('reset removes the saved conversation', async () => {
    const { open, persistence } = pair({ client: env.fast.client });
    const conversation = open();
    await conversation.send('Forget me.');
    expect(await persistence.load('chat')).toBeDefined();
    await conversation.reset();
    expect(await persistence.load('chat')).toBeUndefined();
  });

  it('reports a storage failure through onError and keeps working', async () => {
    const onError = vi.fn();
    const persistence = createMemoryAdapter<SerializedConversation>();
    persistence.save = () => {
      throw new Error('QuotaExceededError');
    };
    const conversation = new Conversation({ client: env.fast.client, model: MODEL, persistence, onError });
    await conversation.send('Hello');
    expect(conversation.getSnapshot().status).toBe('completed');
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'QuotaExceededError' }),
      undefined,
    );
  });
});

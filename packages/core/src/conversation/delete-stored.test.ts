import { CREATE_MATCH, TEST_TOOLS } from '@gemkit/emulator/testing';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.js';
import { Conversation } from './conversation.js';
import { deleteStoredInteractions } from './delete-stored.js';
import { emulatorsForFile, MODEL } from './test-fixture.js';

const env = emulatorsForFile();

const deletes = () =>
  env.fast.emulator.requests.filter((request) => request.method === 'DELETE').map((request) => request.path);

/** The interaction ids of every model turn, every branch included (the snapshot shows one branch). */
const interactionIds = (conversation: Conversation) =>
  conversation
    .serialize()
    .messages.flatMap((message) => (message.role === 'model' ? [message.interactionId as string] : []));

describe('deleteStoredInteractions', () => {
  it('deletes every stored turn of every branch from the server', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    await conversation.send('I have 2 dogs in my house.');
    await conversation.send('How many paws are in my house?');
    await conversation.regenerate();
    const ids = interactionIds(conversation);
    expect(ids).toHaveLength(3);

    const result = await deleteStoredInteractions(env.fast.client, conversation.serialize());
    expect(result.failed).toEqual([]);
    expect(result.deleted.sort()).toEqual([...ids].sort());
    for (const id of ids) {
      await expect(env.fast.client.interactions.get(id)).rejects.toMatchObject({ status: 404 });
    }
  });

  it('deletes every request of a turn that called functions, not only its last (whose usage adds up)', async () => {
    const conversation = new Conversation({
      client: env.fast.client,
      model: MODEL,
      tools: [...TEST_TOOLS],
      onToolCall: () => ({ ok: true }),
    });
    const creates = () =>
      env.fast.emulator.requests.filter((r) => r.method === 'POST' && r.path === CREATE_MATCH.path);
    const before = creates().length;
    await conversation.send('Twice [emulator: call=get_time rounds=2]');
    expect(conversation.getSnapshot().status).toBe('completed');
    const [answer] = conversation.serialize().messages.filter((message) => message.role === 'model');
    // Three requests: the question, then the results twice.
    expect(creates().length - before).toBe(3);
    const ids = [...(answer?.earlierInteractionIds ?? []), answer?.interactionId as string];
    expect(new Set(ids).size).toBe(3);
    // The turn's usage is its three requests' together.
    const stored = await Promise.all(ids.map((id) => env.fast.client.interactions.get(id)));
    const total = stored.reduce(
      (sum, interaction) => sum + (interaction.usage?.total_tokens ?? Number.NaN),
      0,
    );
    expect(answer?.usage?.total_tokens).toBe(total);
    expect(total).toBeGreaterThan(stored[2]?.usage?.total_tokens ?? Number.POSITIVE_INFINITY);

    const result = await deleteStoredInteractions(env.fast.client, conversation.serialize());
    expect(result).toEqual({ deleted: expect.arrayContaining(ids), failed: [] });
    expect(result.deleted).toHaveLength(3);
    for (const id of ids) {
      await expect(env.fast.client.interactions.get(id)).rejects.toMatchObject({ status: 404 });
    }
  });

  it('sends nothing for a stateless conversation: its turns were never stored', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL, mode: 'stateless' });
    await conversation.send('I have 2 dogs in my house.');
    const before = deletes().length;
    expect(await deleteStoredInteractions(env.fast.client, conversation.serialize())).toEqual({
      deleted: [],
      failed: [],
    });
    expect(deletes()).toHaveLength(before);
  });

  it('counts an interaction already gone as deleted, and reports one the server refused', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    await conversation.send('One.');
    await conversation.send('Two.');
    const [first, second] = interactionIds(conversation);
    await env.fast.client.interactions.delete(first as string);
    env.fast.emulator.injectFault({
      type: 'status',
      status: 403,
      match: { method: 'DELETE', path: `/v1beta/interactions/${second}` },
    });

    const result = await deleteStoredInteractions(env.fast.client, conversation.serialize());
    expect(result.deleted).toEqual([first]);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.id).toBe(second);
    expect(result.failed[0]?.error).toBeInstanceOf(ApiError);
    expect(result.failed[0]?.error).toMatchObject({ status: 403 });
  });

  it('takes anything as the conversation without throwing', async () => {
    const before = deletes().length;
    const junks = [
      { messages: null },
      {},
      { messages: [null, 3, { role: 'model', stored: true }] },
      { messages: [{ role: 'model', stored: false, earlierInteractionIds: 'v1_x' }] },
      { messages: [{ role: 'model', stored: false, earlierInteractionIds: [3, null, {}, ''] }] },
    ];
    for (const junk of junks) {
      expect(await deleteStoredInteractions(env.fast.client, junk as never)).toEqual({
        deleted: [],
        failed: [],
      });
    }
    expect(deletes()).toHaveLength(before);
  });
});

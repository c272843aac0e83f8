import { describe, expect, it } from 'vitest';
import { Conversation } from './conversation.js';
import type { ModelMessage } from './message.js';
import { emulatorsForFile, MODEL } from './test-fixture.js';

const env = emulatorsForFile();

describe('branches', () => {
  it('regenerate keeps the previous answer as a branch; switchBranch shows either', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    await conversation.send('I have 2 dogs in my house.');
    const first = conversation.getSnapshot().messages[1] as ModelMessage;
    await conversation.regenerate();

    const after = conversation.getSnapshot();
    const second = after.messages[1] as ModelMessage;
    expect(second.id).not.toBe(first.id);
    expect(second.parentId).toBe(first.parentId);
    expect(after.branches[second.id]).toEqual({ index: 1, count: 2, ids: [first.id, second.id] });

    conversation.switchBranch(second.id, 'prev');
    expect(conversation.getSnapshot().messages[1]).toBe(first);
    conversation.switchBranch(first.id, 'prev'); // already the first: nothing changes
    expect(conversation.getSnapshot().messages[1]).toBe(first);
    conversation.switchBranch(first.id, second.id);
    expect(conversation.getSnapshot().messages[1]).toBe(second);
    conversation.switchBranch(second.id, 0);
    expect(conversation.getSnapshot().messages[1]).toBe(first);
  });

  it('edit branches at the edited message, sends the right history, and the old branch stays reachable', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    await conversation.send('I have 2 dogs in my house.');
    await conversation.send('How many paws are in my house?');
    const original = conversation.getSnapshot();
    const [user1, answer1, user2, answer2] = original.messages as [never, ModelMessage, never, ModelMessage];

    const before = env.fast.creates().length;
    await conversation.edit((user2 as { id: string }).id, 'How many tails are in my house?');
    const edited = conversation.getSnapshot();
    expect(edited.messages).toHaveLength(4);
    expect(edited.messages[0]).toBe(user1);
    expect(edited.messages[1]).toBe(answer1);
    expect(edited.messages[2]?.text).toBe('How many tails are in my house?');
    expect(edited.branches[edited.messages[2]?.id as string]).toMatchObject({ index: 1, count: 2 });
    // The edited turn follows the same history as the original second turn.
    expect(env.fast.creates()[before]).toMatchObject({
      input: 'How many tails are in my house?',
      previous_interaction_id: answer1.interactionId,
    });

    conversation.switchBranch(edited.messages[2]?.id as string, 'prev');
    const back = conversation.getSnapshot().messages;
    expect(back[2]).toBe(user2);
    expect(back[3]).toBe(answer2);
  });

  it('unchanged messages keep their identity from one snapshot to the next', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    await conversation.send('One');
    const before = conversation.getSnapshot();
    await conversation.send('Two');
    const after = conversation.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.messages[0]).toBe(before.messages[0]);
    expect(after.messages[1]).toBe(before.messages[1]);
    expect(after.branches[after.messages[0]?.id as string]).toBe(
      before.branches[before.messages[0]?.id as string],
    );
    expect(conversation.getSnapshot()).toBe(after);
  });

  it('reset forgets everything', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    await conversation.send('One');
    await conversation.reset();
    expect(conversation.getSnapshot()).toMatchObject({ messages: [], status: 'idle', branches: {} });
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.js';
import { Conversation } from './conversation.js';
import type { ModelMessage, UserMessage } from './message.js';
import { emulatorsForFile, MODEL } from './test-fixture.js';

const env = emulatorsForFile();

const DOGS = 'I have 2 dogs in my house.';
const PAWS = 'How many paws are in my house?';

describe('Conversation, stateful mode', () => {
  it('sends previous_interaction_id of the last completed turn and lets the server keep the history', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL, mode: 'stateful' });
    const before = env.fast.creates().length;
    await conversation.send(DOGS);
    await conversation.send(PAWS);

    const [first, second] = env.fast.creates().slice(before);
    const { messages, status } = conversation.getSnapshot();
    const firstAnswer = messages[1] as ModelMessage;
    expect(status).toBe('completed');
    expect(messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'sent'],
      ['model', 'completed'],
      ['user', 'sent'],
      ['model', 'completed'],
    ]);
    expect(first).toMatchObject({ model: MODEL, input: DOGS, stream: true });
    expect(first).not.toHaveProperty('previous_interaction_id');
    expect(second).toMatchObject({ input: PAWS, previous_interaction_id: firstAnswer.interactionId });
    expect(second?.store).not.toBe(false);
    // The emulator answered from the server-side history: it quotes the first message back.
    expect(messages[3]?.text).toContain(DOGS);
    expect(messages[3]?.text).toBe(
      await env.fast.storedText((messages[3] as ModelMessage).interactionId as string),
    );
  });

  it('never points at a failed turn: the next turn names the last completed one', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    await conversation.send(DOGS);
    env.fast.emulator.injectFault({ type: 'status', status: 500, match: { path: '/v1beta/interactions' } });
    await conversation.send('This one fails.');
    const failed = conversation.getSnapshot();
    expect(failed.status).toBe('error');
    expect(failed.error).toBeInstanceOf(ApiError);
    expect(failed.messages[2]).toMatchObject({ role: 'user', text: 'This one fails.', status: 'unsent' });

    const before = env.fast.creates().length;
    await conversation.send(PAWS);
    const anchor = conversation.getSnapshot().messages[1] as ModelMessage;
    expect(env.fast.creates()[before]?.previous_interaction_id).toBe(anchor.interactionId);
  });
});

describe('Conversation, stateless mode', () => {
  it('sends store:false and the whole history as steps, appending a user_input step per turn', async () => {
    const conversation = new Conversation({
      client: env.fast.client,
      model: MODEL,
      mode: 'stateless',
      generation_config: { thinking_level: 'low', thinking_summaries: 'auto' },
    });
    const before = env.fast.creates().length;
    await conversation.send(DOGS);
    await conversation.send(PAWS);

    const [first, second] = env.fast.creates().slice(before);
    const firstAnswer = conversation.getSnapshot().messages[1] as ModelMessage;
    expect(first).toMatchObject({
      store: false,
      input: [{ type: 'user_input', content: [{ type: 'text', text: DOGS }] }],
    });
    expect(second?.store).toBe(false);
    expect(second).not.toHaveProperty('previous_interaction_id');
    expect(second?.input).toEqual([
      { type: 'user_input', content: [{ type: 'text', text: DOGS }] },
      ...firstAnswer.steps,
      { type: 'user_input', content: [{ type: 'text', text: PAWS }] },
    ]);
    // The thought step, signature included, goes back as the API requires.
    expect(firstAnswer.steps.map((s) => s.type)).toEqual(['thought', 'model_output']);
    expect(firstAnswer.stored).toBe(false);
    expect(conversation.getSnapshot().messages[3]?.text).toContain(DOGS);
  });
});

describe('Conversation, switching modes', () => {
  it('stateful → stateless: the history kept locally is sent as steps', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL });
    await conversation.send(DOGS);
    conversation.setOptions({ mode: 'stateless' });
    const before = env.fast.creates().length;
    await conversation.send(PAWS);
    const request = env.fast.creates()[before];
    expect(conversation.getSnapshot().mode).toBe('stateless');
    const firstAnswer = conversation.getSnapshot().messages[1] as ModelMessage;
    expect(request?.store).toBe(false);
    expect(request?.input).toEqual([
      { type: 'user_input', content: [{ type: 'text', text: DOGS }] },
      ...firstAnswer.steps,
      { type: 'user_input', content: [{ type: 'text', text: PAWS }] },
    ]);
  });

  it('stateless → stateful: one turn sends the history as steps and is stored; the next points at it', async () => {
    const conversation = new Conversation({ client: env.fast.client, model: MODEL, mode: 'stateless' });
    await conversation.send(DOGS);
    conversation.setOptions({ mode: 'stateful' });
    const before = env.fast.creates().length;
    await conversation.send(PAWS);
    await conversation.send('And how many tails?');
    const [anchoring, pointing] = env.fast.creates().slice(before);
    const { messages } = conversation.getSnapshot();
    expect(anchoring?.store).not.toBe(false);
    expect(anchoring).not.toHaveProperty('previous_interaction_id');
    expect(anchoring?.input).toEqual([
      { type: 'user_input', content: [{ type: 'text', text: DOGS }] },
      ...(messages[1] as ModelMessage).steps,
      { type: 'user_input', content: [{ type: 'text', text: PAWS }] },
    ]);
    expect(pointing).toMatchObject({
      input: 'And how many tails?',
      previous_interaction_id: (messages[3] as ModelMessage).interactionId,
    });
    // The server now has the whole history: the last answer quotes both earlier messages.
    expect(messages[5]?.text).toContain(DOGS);
    expect(messages[5]?.text).toContain(PAWS);
  });
});

describe('Conversation settings', () => {
  it('sends the system instruction and generation config of its options', async () => {
    const conversation = new Conversation({
      client: env.fast.client,
      model: MODEL,
      system_instruction: 'Answer like a pirate.',
      generation_config: { temperature: 0.2 },
    });
    const before = env.fast.creates().length;
    await conversation.send(DOGS);
    expect(env.fast.creates()[before]).toMatchObject({
      system_instruction: 'Answer like a pirate.',
      generation_config: { temperature: 0.2 },
    });
    const answer = conversation.getSnapshot().messages[1] as ModelMessage;
    expect(answer.text).toContain('Answer like a pirate.');
    expect(answer.usage?.total_tokens).toBeGreaterThan(0);
    expect((conversation.getSnapshot().messages[0] as UserMessage).content).toEqual([
      { type: 'text', text: DOGS },
    ]);
  });
});

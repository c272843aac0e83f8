import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { buildTurnRequest } from './history.js';
import type { Message, ModelMessage } from './message.js';
import { createModelMessage, createUserMessage } from './message-factory.js';

const user = (parentId: string | null, text: string) =>
  createUserMessage(parentId, { content: [{ type: 'text', text }], files: [] });

function answer(parentId: string, patch: Partial<ModelMessage>): ModelMessage {
  return {
    ...createModelMessage(parentId, 'm', true),
    status: 'completed',
    steps: [{ type: 'model_output', content: [{ type: 'text', text: 'ok' }] }],
    ...patch,
  };
}

describe('buildTurnRequest', () => {
  const u1 = user(null, 'one');
  const a1 = answer(u1.id, { interactionId: 'int_1' });
  const u2 = user(a1.id, 'two');
  const a2 = answer(u2.id, { status: 'error', interactionId: 'int_2' });
  const u3 = user(a2.id, 'three');
  const lineage: Message[] = [u1, a1, u2, a2, u3];

  it('stateful: points at the last completed, stored turn and skips a failed one', () => {
    expect(buildTurnRequest('stateful', { model: 'm', store: false }, lineage)).toEqual({
      model: 'm',
      previous_interaction_id: 'int_1',
      input: 'three',
    });
  });

  it('stateless: the completed turns as steps, then the new user_input step, store:false', () => {
    expect(buildTurnRequest('stateless', { model: 'm', stream: true }, lineage)).toEqual({
      model: 'm',
      stream: true,
      store: false,
      input: [
        { type: 'user_input', content: [{ type: 'text', text: 'one' }] },
        { type: 'model_output', content: [{ type: 'text', text: 'ok' }] },
        { type: 'user_input', content: [{ type: 'text', text: 'three' }] },
      ],
    });
  });

  it('stateful without a stored turn to point at: sends the history as steps, stored', () => {
    const unstored: Message[] = [u1, { ...a1, stored: false }, u3];
    const request = buildTurnRequest('stateful', { model: 'm' }, unstored);
    expect(request.previous_interaction_id).toBeUndefined();
    expect(request.store).toBeUndefined();
    expect(request.input).toHaveLength(3);
  });

  it('needs a model and a user message to answer', () => {
    expect(() => buildTurnRequest('stateful', {}, [u1])).toThrow(UsageError);
    expect(() => buildTurnRequest('stateful', { model: 'm' }, [u1, a1])).toThrow(UsageError);
  });
});

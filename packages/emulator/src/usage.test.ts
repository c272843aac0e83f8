import type { Interaction, Step } from '@gemkit/core';
import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.js';
import { TOKEN_ESTIMATE, textTokens } from './engine/usage.js';
import { answerText, create, FAST, PNG_1X1 } from './test-helpers.js';

const emulator = createEmulator({ pacing: FAST });
const usageOf = (reply: Interaction) => reply.usage ?? {};

describe('usage accounting', () => {
  it('counts the input text and the system instruction at about four characters per token', async () => {
    const input = 'Count these characters, please.';
    const system = 'You are terse.';
    const reply = await create(emulator, { input, system_instruction: system });
    const expected = textTokens(input) + textTokens(system);
    expect(usageOf(reply)).toMatchObject({
      total_input_tokens: expected,
      input_tokens_by_modality: [{ modality: 'text', tokens: expected }],
      total_output_tokens: textTokens(answerText(reply)),
      output_tokens_by_modality: [{ modality: 'text', tokens: textTokens(answerText(reply)) }],
    });
    const u = usageOf(reply);
    expect(u.total_tokens).toBe(
      (u.total_input_tokens ?? 0) + (u.total_output_tokens ?? 0) + (u.total_thought_tokens ?? 0),
    );
  });

  it('lists media per modality, with a fixed cost per image', async () => {
    const reply = await create(emulator, {
      input: [
        { type: 'text', text: 'abcd' },
        { type: 'image', data: PNG_1X1, mime_type: 'image/png' },
      ],
    });
    expect(usageOf(reply).input_tokens_by_modality).toEqual([
      { modality: 'text', tokens: 1 },
      { modality: 'image', tokens: TOKEN_ESTIMATE.image },
    ]);
    expect(usageOf(reply).total_input_tokens).toBe(1 + TOKEN_ESTIMATE.image);
  });

  it('counts the whole history in a stateful turn: earlier inputs and outputs, not thoughts', async () => {
    const first = await create(emulator, {
      input: 'I have 2 dogs in my house.',
      generation_config: { thinking_summaries: 'auto' },
    });
    const second = await create(emulator, { input: 'How many paws?', previous_interaction_id: first.id });
    expect(usageOf(second).total_input_tokens).toBe(
      textTokens('I have 2 dogs in my house.') + textTokens(answerText(first)) + textTokens('How many paws?'),
    );
  });

  it('reports the same input tokens for the same conversation, stateful or stateless', async () => {
    const first = await create(emulator, { input: 'Remember the number 42.' });
    const stateful = await create(emulator, { input: 'Which number?', previous_interaction_id: first.id });
    const history: Step[] = [
      { type: 'user_input', content: [{ type: 'text', text: 'Remember the number 42.' }] },
      ...(first.steps ?? []),
      { type: 'user_input', content: [{ type: 'text', text: 'Which number?' }] },
    ];
    const stateless = await create(emulator, { input: history, store: false });
    expect(usageOf(stateless).total_input_tokens).toBe(usageOf(stateful).total_input_tokens);
    expect(answerText(stateless)).toBe(answerText(stateful));
  });
});

describe('output limits', () => {
  const full = async () =>
    answerText(await create(emulator, { input: 'Limit me', generation_config: { seed: 5 } }));

  it('truncates at max_output_tokens; the interaction still completes and usage shows the cut', async () => {
    const whole = await full();
    const reply = await create(emulator, {
      input: 'Limit me',
      generation_config: { seed: 5, max_output_tokens: 10 },
    });
    expect(reply.status).toBe('completed');
    const text = answerText(reply);
    expect(text).toBe(whole.slice(0, 10 * TOKEN_ESTIMATE.charsPerToken));
    expect(usageOf(reply).total_output_tokens).toBe(10);
  });

  it('stops the text at the first stop sequence', async () => {
    const whole = await full();
    const reply = await create(emulator, {
      input: 'Limit me',
      generation_config: { seed: 5, stop_sequences: ['Key points', '###'] },
    });
    expect(answerText(reply)).toBe(whole.slice(0, whole.indexOf('###')));
    expect(reply.status).toBe('completed');
  });
});

import type { Interaction, InteractionEvent, Step } from '@gemkit/core';
import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.js';
import { EmulatorApiError } from './http/errors.js';
import { countWords } from './responder/text.js';
import type { ResponderContext } from './responder/types.js';
import {
  answerText,
  create,
  expectApiError,
  FAST,
  MODEL,
  PNG_1X1,
  post,
  readEvents,
} from './test-helpers.js';

describe('default responder: it shows what it received', () => {
  const emulator = createEmulator({ pacing: FAST });

  it('refers to earlier turns of a stateful conversation', async () => {
    const first = await create(emulator, { input: 'I have 2 dogs in my house.' });
    const second = await create(emulator, {
      input: 'How many paws are in my house?',
      previous_interaction_id: first.id,
    });
    const text = answerText(second);
    expect(text).toContain('How many paws are in my house?');
    expect(text).toContain('I have 2 dogs in my house.');
    expect(second.previous_interaction_id).toBe(first.id);
  });

  it('refers to earlier turns sent as stateless steps', async () => {
    const history: Step[] = [
      { type: 'user_input', content: [{ type: 'text', text: 'My cat is called Miso.' }] },
      { type: 'model_output', content: [{ type: 'text', text: 'Nice name!' }] },
      { type: 'user_input', content: [{ type: 'text', text: 'What is my cat called?' }] },
    ];
    const reply = await create(emulator, { input: history, store: false });
    expect(answerText(reply)).toMatch(/Message 1: “My cat is called Miso\.”/);
    expect(answerText(reply)).toContain('What is my cat called?');
  });

  it('follows the system instruction, quoting it', async () => {
    const reply = await create(emulator, { input: 'hi', system_instruction: 'Answer like a pirate.' });
    expect(answerText(reply)).toContain('> Answer like a pirate.');
    expect(reply.system_instruction).toBe('Answer like a pirate.');
  });

  it('lists attachments by type and mime type', async () => {
    const reply = await create(emulator, {
      input: [
        { type: 'text', text: 'What is in this picture?' },
        { type: 'image', data: PNG_1X1, mime_type: 'image/png' },
        { type: 'document', uri: 'https://example.com/report.pdf', mime_type: 'application/pdf' },
      ],
    });
    const text = answerText(reply);
    expect(text).toMatch(/\| 1 \| image \| image\/png \| inline data \| 70 bytes \|/);
    expect(text).toMatch(
      /\| 2 \| document \| application\/pdf \| https:\/\/example.com\/report.pdf \| unknown \|/,
    );
  });

  it('writes rich markdown: headings, a numbered list, a table and a code block', async () => {
    const text = answerText(await create(emulator, { input: 'Show me everything' }));
    expect(text).toMatch(/^## /m);
    expect(text).toMatch(/^### /m);
    expect(text).toMatch(/^1\. /m);
    expect(text).toMatch(/^\| Setting \| Value \|$/m);
    expect(text).toMatch(/^```json$/m);
  });

  it.each([300, 2000])('answers with about as many words as asked ([emulator: words=%i])', async (words) => {
    const text = answerText(
      await create(emulator, { input: `Write a long essay [emulator: words=${words}]` }),
    );
    expect(countWords(text)).toBeGreaterThanOrEqual(words);
    expect(countWords(text)).toBeLessThan(words * 1.05 + 20);
    expect(text).not.toContain('[emulator:');
  });

  it('answers in a few words when asked for fewer than the layout needs', async () => {
    const text = answerText(await create(emulator, { input: 'Short please [emulator: words=6]' }));
    expect(countWords(text)).toBeLessThanOrEqual(6);
    expect(countWords(text)).toBeGreaterThanOrEqual(5);
  });

  it('echoes the input verbatim with [emulator: echo]', async () => {
    const reply = await create(emulator, { input: 'Repeat exactly: a|b|c [emulator: echo]' });
    expect(answerText(reply)).toBe('Repeat exactly: a|b|c');
  });
});

describe('determinism', () => {
  const ask = (seed: number | undefined) =>
    create(createEmulator({ pacing: FAST }), {
      input: 'Same question',
      ...(seed === undefined ? {} : { generation_config: { seed } }),
    });

  it('gives the same answer for the same seed and input, in separate emulators', async () => {
    expect(answerText(await ask(7))).toBe(answerText(await ask(7)));
    expect(answerText(await ask(undefined))).toBe(answerText(await ask(undefined)));
  });

  it('gives a different answer for a different seed', async () => {
    const answers = new Set([await ask(1), await ask(2), await ask(3)].map((r) => answerText(r)));
    expect(answers.size).toBeGreaterThan(1);
  });
});

describe('thinking', () => {
  const emulator = createEmulator({ pacing: FAST });
  const thoughtOf = (reply: Interaction) =>
    reply.steps?.find((s) => s.type === 'thought') as
      | { summary?: { type: string; text: string }[]; signature?: string }
      | undefined;

  it('adds a summary when thinking_summaries is auto, and always a signature', async () => {
    const withSummary = thoughtOf(
      await create(emulator, { input: 'Think', generation_config: { thinking_summaries: 'auto' } }),
    );
    expect(withSummary?.summary?.[0]?.text).toMatch(/Reading the request/);
    expect(withSummary?.signature).toMatch(/^[A-Za-z0-9+/=]+$/);
    const without = thoughtOf(await create(emulator, { input: 'Think' }));
    expect(without).toEqual({ type: 'thought', signature: expect.any(String) });
  });

  it('gives no summary at minimal thinking, but still a signature', async () => {
    const reply = await create(emulator, {
      input: 'Think a little',
      generation_config: { thinking_level: 'minimal', thinking_summaries: 'auto' },
    });
    expect(thoughtOf(reply)).toEqual({ type: 'thought', signature: expect.any(String) });
    expect(reply.usage?.total_thought_tokens).toBe(0);
  });

  it('spends more thought tokens at higher thinking levels', async () => {
    const tokens = async (thinking_level: string) =>
      (await create(emulator, { input: 'Same', generation_config: { thinking_level } })).usage
        ?.total_thought_tokens ?? 0;
    const [low, medium, high] = [await tokens('low'), await tokens('medium'), await tokens('high')];
    expect(low).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(low);
    expect(high).toBeGreaterThan(medium);
  });
});

describe('custom responders', () => {
  it('receive the history, input, system instruction, generation config and resolved attachments', async () => {
    const seen: ResponderContext[] = [];
    const emulator = createEmulator({
      pacing: FAST,
      responder: async (context) => {
        seen.push(context);
        return { text: `turn ${seen.length}`, thoughtSummary: 'scripted summary' };
      },
    });
    const first = await create(emulator, { input: 'one' });
    const second = await create(emulator, {
      input: [
        { type: 'text', text: 'two' },
        { type: 'image', data: PNG_1X1, mime_type: 'image/png' },
      ],
      previous_interaction_id: first.id,
      system_instruction: 'Be brief.',
      generation_config: { temperature: 0.2, thinking_summaries: 'auto' },
    });
    expect(answerText(second)).toBe('turn 2');
    expect((second.steps ?? [])[0]).toHaveProperty('summary');
    expect(((second.steps ?? [])[0] as { summary: unknown }).summary).toEqual([
      { type: 'text', text: 'scripted summary' },
    ]);
    const context = seen[1] as ResponderContext;
    expect(context.history.map((s) => s.type)).toEqual([
      'user_input',
      'thought',
      'model_output',
      'user_input',
    ]);
    expect(context.input).toHaveLength(1);
    expect(context.systemInstruction).toBe('Be brief.');
    expect(context.generationConfig).toEqual({ temperature: 0.2, thinking_summaries: 'auto' });
    expect(context.attachments).toEqual([
      expect.objectContaining({
        type: 'image',
        mimeType: 'image/png',
        source: 'inline',
        sizeBytes: 70,
        current: true,
      }),
    ]);
    expect(context.request.previous_interaction_id).toBe(first.id);
  });

  it('can call a function: status requires_action, arguments streamed as JSON fragments', async () => {
    const emulator = createEmulator({
      pacing: { chunkSize: 5, delayMs: 0 },
      responder: ({ input }) =>
        input[0]?.type === 'function_result'
          ? 'It is sunny in Paris.'
          : {
              steps: [
                {
                  type: 'function_call',
                  id: 'call_1',
                  name: 'get_weather',
                  arguments: { city: 'Paris', unit: 'celsius' },
                },
              ],
            },
    });
    const response = await post(emulator, '/v1beta/interactions', {
      model: MODEL,
      input: 'Weather in Paris?',
      tools: [{ type: 'function', name: 'get_weather' }],
      stream: true,
    });
    const events = await readEvents(response);
    const start = events.find((e) => e.event_type === 'step.start') as { step: Step };
    expect(start.step).toEqual({ type: 'function_call', id: 'call_1', name: 'get_weather', arguments: {} });
    const fragments = events
      .map((e) => (e as { delta?: { type: string; arguments?: string } }).delta)
      .filter((d) => d?.type === 'arguments_delta')
      .map((d) => d?.arguments);
    expect(fragments.length).toBeGreaterThan(1);
    expect(JSON.parse(fragments.join(''))).toEqual({ city: 'Paris', unit: 'celsius' });
    const completed = events[events.length - 1] as InteractionEvent & { interaction: Interaction };
    expect(completed.interaction.status).toBe('requires_action');

    const id = completed.interaction.id;
    const stored = (await (
      await emulator.fetch(new Request(`http://e.test/v1beta/interactions/${id}`))
    ).json()) as Interaction;
    expect(stored.steps).toEqual([
      {
        type: 'function_call',
        id: 'call_1',
        name: 'get_weather',
        arguments: { city: 'Paris', unit: 'celsius' },
      },
    ]);
    const answer = await create(emulator, {
      previous_interaction_id: id,
      input: [{ type: 'function_result', call_id: 'call_1', name: 'get_weather', result: { temp: 21 } }],
    });
    expect(answerText(answer)).toBe('It is sunny in Paris.');
  });

  it('can fail a call with an API error, plain or streamed', async () => {
    const emulator = createEmulator({
      pacing: FAST,
      responder: () => {
        throw new EmulatorApiError(429, 'Quota exceeded for the test.', { retryAfterSeconds: 3 });
      },
    });
    const plain = await post(emulator, '/v1beta/interactions', { model: MODEL, input: 'hi' });
    expect(plain.headers.get('retry-after')).toBe('3');
    await expectApiError(plain, 429, 'RESOURCE_EXHAUSTED', /Quota exceeded/);
    const events = await readEvents(
      await post(emulator, '/v1beta/interactions', { model: MODEL, input: 'hi', stream: true }),
    );
    expect(events[events.length - 1]).toMatchObject({
      event_type: 'error',
      error: { code: 'RESOURCE_EXHAUSTED' },
    });
  });

  it('reports a responder bug or a bad reply as 500 INTERNAL, without crashing', async () => {
    const throwing = createEmulator({ responder: () => Promise.reject(new Error('oops')) });
    await expectApiError(
      await post(throwing, '/v1beta/interactions', { model: MODEL, input: 'hi' }),
      500,
      'INTERNAL',
      /oops/,
    );
    const bad = createEmulator({ responder: () => 42 as never });
    await expectApiError(
      await post(bad, '/v1beta/interactions', { model: MODEL, input: 'hi' }),
      500,
      'INTERNAL',
      /responder returned 42/,
    );
  });

  it('stops a responder that is still thinking when the interaction is cancelled', async () => {
    let aborted = false;
    const emulator = createEmulator({
      responder: ({ signal }) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve('too late');
          });
        }),
    });
    const made = await create(emulator, { input: 'slow', background: true });
    const cancelled = await post(emulator, `/v1beta/interactions/${made.id}/cancel`, {});
    expect(((await cancelled.json()) as Interaction).status).toBe('cancelled');
    expect(aborted).toBe(true);
  });
});

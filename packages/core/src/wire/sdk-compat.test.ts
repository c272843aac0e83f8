import type { Interactions, File as SdkFile } from 'genai-sdk-types';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { reduceInteraction } from '../reduce/reduce-interaction.js';
import { getText, getThoughtSummary } from '../reduce/text.js';
import type {
  Annotation,
  Content,
  CreateInteractionRequest,
  GeminiFile,
  GenerationConfig,
  GetInteractionParams,
  Interaction,
  InteractionEvent,
  MediaContent,
  Step,
  TextContent,
  Usage,
} from './index.js';

/**
 * Our wire types against @google/genai 3.1.0's (`genai-sdk-types`). The `expectTypeOf` lines are
 * checked by `pnpm typecheck` (tsc covers test files): an SDK release that drifts fails CI there.
 * The runtime tests below feed SDK-typed values through core to show the types meet in practice.
 */

describe('the SDK → Gemkit direction: everything the API sends fits our types', () => {
  test('resources, steps, content and every SSE event', () => {
    expectTypeOf<Interactions.Interaction>().toExtend<Interaction>();
    expectTypeOf<Interactions.Step>().toExtend<Step>();
    expectTypeOf<Interactions.Content>().toExtend<Content>();
    expectTypeOf<Interactions.InteractionSSEEvent>().toExtend<InteractionEvent>();
    expectTypeOf<Interactions.Usage>().toExtend<Usage>();
    expectTypeOf<Interactions.Annotation>().toExtend<Annotation>();
    // The API always names a file; the SDK marks every field optional.
    expectTypeOf<SdkFile & { name: string }>().toExtend<GeminiFile>();
  });
});

describe('the Gemkit → SDK direction: what we send, the API accepts', () => {
  test('media content, text content and the request fields', () => {
    expectTypeOf<MediaContent>().toExtend<Interactions.Content>();
    // Our Annotation stays open for citation kinds the API adds; the SDK's union is closed.
    expectTypeOf<Omit<TextContent, 'annotations'>>().toExtend<Interactions.TextContent>();
    expectTypeOf<Omit<CreateInteractionRequest, 'input' | 'generation_config' | 'tools'>>().toExtend<
      Omit<Interactions.CreateModelInteractionParamsNonStreaming, 'input' | 'generation_config' | 'tools'>
    >();
    expectTypeOf<Omit<GenerationConfig, 'tool_choice'>>().toExtend<Interactions.GenerationConfig>();
    expectTypeOf<GetInteractionParams>().toExtend<Interactions.InteractionGetParams>();
  });

  test('a typical multimodal, thinking, streamed request is an SDK create-params object', () => {
    const request = {
      model: 'gemini-3-flash-preview',
      input: [
        { type: 'text', text: 'What is in this picture?' },
        { type: 'image', uri: 'https://example.test/files/abc', mime_type: 'image/png' },
      ],
      system_instruction: 'Answer briefly.',
      generation_config: {
        thinking_level: 'low',
        thinking_summaries: 'auto',
        temperature: 0.4,
        top_p: 0.9,
        max_output_tokens: 256,
        stop_sequences: ['END'],
        seed: 7,
      },
      previous_interaction_id: 'v1_previous',
      stream: true,
    } satisfies CreateInteractionRequest;
    expectTypeOf(request).toExtend<Interactions.CreateModelInteractionParamsStreaming>();
    expect(request.input[1]?.type).toBe('image');
  });

  test('a stateless request (store:false, history as steps) is an SDK create-params object', () => {
    const request = {
      model: 'gemini-3-flash-preview',
      store: false,
      input: [
        { type: 'user_input', content: [{ type: 'text', text: 'Hi' }] },
        { type: 'thought', summary: [{ type: 'text', text: 'Greeting.' }], signature: 'sig' },
        { type: 'model_output', content: [{ type: 'text', text: 'Hello!' }] },
        { type: 'user_input', content: [{ type: 'text', text: 'And now?' }] },
      ],
    } satisfies CreateInteractionRequest;
    expectTypeOf(request).toExtend<Interactions.CreateModelInteractionParamsNonStreaming>();
    expect(request.input).toHaveLength(4);
  });
});

test('SDK-typed events reduce to the SDK-typed Interaction they describe', () => {
  const events: Interactions.InteractionSSEEvent[] = [
    {
      event_type: 'interaction.created',
      event_id: '1',
      interaction: { id: 'v1_a', status: 'in_progress', object: 'interaction', model: 'm' },
    },
    { event_type: 'step.start', event_id: '2', index: 0, step: { type: 'thought' } },
    {
      event_type: 'step.delta',
      event_id: '3',
      index: 0,
      delta: { type: 'thought_summary', content: { type: 'text', text: 'Thinking' } },
    },
    {
      event_type: 'step.delta',
      event_id: '4',
      index: 0,
      delta: { type: 'thought_signature', signature: 's' },
    },
    { event_type: 'step.stop', event_id: '5', index: 0 },
    { event_type: 'step.start', event_id: '6', index: 1, step: { type: 'model_output' } },
    { event_type: 'step.delta', event_id: '7', index: 1, delta: { type: 'text', text: 'Hel' } },
    { event_type: 'step.delta', event_id: '8', index: 1, delta: { type: 'text', text: 'lo' } },
    { event_type: 'step.stop', event_id: '9', index: 1 },
    {
      event_type: 'interaction.completed',
      event_id: '10',
      interaction: {
        id: 'v1_a',
        status: 'completed',
        object: 'interaction',
        model: 'm',
        usage: { total_tokens: 3 },
      },
    },
  ];
  // The stream carries `object`, which the SDK's Interaction type does not declare.
  const expected: Interactions.Interaction & { object: string } = {
    id: 'v1_a',
    status: 'completed',
    object: 'interaction',
    model: 'm',
    usage: { total_tokens: 3 },
    steps: [
      { type: 'thought', summary: [{ type: 'text', text: 'Thinking' }], signature: 's' },
      { type: 'model_output', content: [{ type: 'text', text: 'Hello' }] },
    ],
  };
  const snapshot = events.reduce<Interaction | undefined>(reduceInteraction, undefined);
  expect(snapshot).toEqual(expected);
  expect(getText(snapshot)).toBe('Hello');
  expect(getThoughtSummary(snapshot)).toBe('Thinking');
});

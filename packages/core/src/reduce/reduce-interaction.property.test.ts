import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Interaction, InteractionEvent, Step } from '../wire/index.js';
import { reduceInteraction } from './reduce-interaction.js';

/**
 * A generated turn: its steps as the API stores them (built here directly from the spec), and the
 * events a stream sends for it. The reducer must turn the second into the first.
 */
type StepSpec =
  | { kind: 'thought'; chunks: string[]; signature: string | undefined; emptyAtStart: boolean }
  | { kind: 'model_output'; chunks: string[]; emptyAtStart: boolean }
  | { kind: 'unknown'; step: Record<string, unknown> };

const chunkText = fc.string({
  unit: fc.oneof(fc.constantFrom('a', ' ', '\n', 'é', '中', '🙂', '👩‍💻'), fc.string({ maxLength: 1 })),
  maxLength: 8,
});

const stepSpec: fc.Arbitrary<StepSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('thought' as const),
    chunks: fc.array(chunkText, { maxLength: 6 }),
    signature: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }),
    emptyAtStart: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('model_output' as const),
    chunks: fc.array(chunkText, { maxLength: 10 }),
    emptyAtStart: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('unknown' as const),
    step: fc.record({ type: fc.constant('future_step'), payload: fc.jsonValue() }),
  }),
);

/** The step as a non-streamed call returns it: one text item holding all of the text. */
function storedStep(spec: StepSpec): Step {
  if (spec.kind === 'unknown') return spec.step as Step;
  const joined = [{ type: 'text' as const, text: spec.chunks.join('') }];
  if (spec.kind === 'model_output') {
    const content = spec.chunks.length > 0 ? joined : spec.emptyAtStart ? [] : undefined;
    return { type: 'model_output', ...(content ? { content } : {}) };
  }
  const summary = spec.chunks.length > 0 ? joined : spec.emptyAtStart ? [] : undefined;
  return {
    type: 'thought',
    ...(summary ? { summary } : {}),
    ...(spec.signature !== undefined ? { signature: spec.signature } : {}),
  };
}

function stepEvents(spec: StepSpec, index: number): InteractionEvent[] {
  if (spec.kind === 'unknown') {
    return [
      { event_type: 'step.start', index, step: spec.step as Step },
      { event_type: 'step.stop', index },
    ];
  }
  const events: InteractionEvent[] = [];
  if (spec.kind === 'model_output') {
    events.push({
      event_type: 'step.start',
      index,
      step: { type: 'model_output', ...(spec.emptyAtStart ? { content: [] } : {}) },
    });
    for (const text of spec.chunks)
      events.push({ event_type: 'step.delta', index, delta: { type: 'text', text } });
  } else {
    events.push({
      event_type: 'step.start',
      index,
      step: { type: 'thought', ...(spec.emptyAtStart ? { summary: [] } : {}) },
    });
    for (const text of spec.chunks) {
      events.push({
        event_type: 'step.delta',
        index,
        delta: { type: 'thought_summary', content: { type: 'text', text } },
      });
    }
    if (spec.signature !== undefined) {
      events.push({
        event_type: 'step.delta',
        index,
        delta: { type: 'thought_signature', signature: spec.signature },
      });
    }
  }
  events.push({ event_type: 'step.stop', index });
  return events;
}

const turn = fc.record({
  id: fc.string({ minLength: 1, maxLength: 10 }),
  model: fc.constantFrom('gemini-3-flash-preview', 'gemini-3-pro-preview'),
  created: fc.constant('2026-05-20T10:00:00Z'),
  updated: fc.constant('2026-05-20T10:00:05Z'),
  status: fc.constantFrom('completed', 'cancelled', 'failed'),
  usage: fc.record({ total_input_tokens: fc.nat(), total_output_tokens: fc.nat(), total_tokens: fc.nat() }),
  steps: fc.array(stepSpec, { maxLength: 5 }),
});

type Turn = typeof turn extends fc.Arbitrary<infer T> ? T : never;

function expectedInteraction(t: Turn): Interaction {
  return {
    id: t.id,
    object: 'interaction',
    status: t.status,
    model: t.model,
    created: t.created,
    updated: t.updated,
    usage: t.usage,
    steps: t.steps.map(storedStep),
  };
}

function turnEvents(t: Turn): InteractionEvent[] {
  const base = { id: t.id, object: 'interaction', model: t.model, created: t.created };
  return [
    { event_type: 'interaction.created', interaction: { ...base, status: 'in_progress' } },
    { event_type: 'interaction.status_update', interaction_id: t.id, status: 'in_progress' },
    ...t.steps.flatMap(stepEvents),
    {
      event_type: 'interaction.completed',
      interaction: { ...base, status: t.status, updated: t.updated, usage: t.usage },
    },
  ].map((event, n) => ({ ...event, event_id: `e${n}` }) as InteractionEvent);
}

/** Events and deltas of kinds this version does not know, to be sprinkled anywhere in a stream. */
const noise: fc.Arbitrary<InteractionEvent> = fc.oneof(
  fc.record({ event_type: fc.constantFrom('interaction.future', 'x'), payload: fc.jsonValue() }),
  fc.record({
    event_type: fc.constant('step.delta'),
    index: fc.nat(6),
    delta: fc.record({ type: fc.constantFrom('future_delta', 'sparkle'), value: fc.jsonValue() }),
  }),
  fc.record({ event_type: fc.constant('step.stop'), index: fc.nat(6) }),
);

function insertAt<T>(items: T[], extras: [number, T][]): T[] {
  const out = items.slice();
  for (const [position, extra] of extras) out.splice(position % (out.length + 1), 0, extra);
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('reduceInteraction properties', () => {
  test('any event sequence rebuilds the Interaction a non-streamed call returns', () => {
    fc.assert(
      fc.property(turn, (t) => {
        const snapshot = turnEvents(t).reduce<Interaction | undefined>(reduceInteraction, undefined);
        expect(snapshot).toEqual(expectedInteraction(t));
      }),
      { numRuns: 500 },
    );
  });

  test('unknown events and deltas anywhere change nothing and never throw', () => {
    fc.assert(
      fc.property(turn, fc.array(fc.tuple(fc.nat(), noise), { maxLength: 8 }), (t, extras) => {
        // Only after `interaction.created`: before it there is no snapshot for noise to leave unchanged.
        const [created, ...rest] = turnEvents(t);
        const events = [created as InteractionEvent, ...insertAt(rest, extras)];
        const snapshot = events.reduce<Interaction | undefined>(reduceInteraction, undefined);
        expect(snapshot).toEqual(expectedInteraction(t));
      }),
      { numRuns: 300 },
    );
  });

  test('never mutates its inputs; an event touches only its own step, the others keep identity', () => {
    fc.assert(
      fc.property(turn, (t) => {
        let snapshot: Interaction | undefined;
        for (const event of turnEvents(t).map(deepFreeze)) {
          const next = reduceInteraction(snapshot, event);
          if (snapshot && next && event.event_type === 'step.delta') {
            const index = (event as { index: number }).index;
            next.steps?.forEach((step, i) => {
              if (i !== index) expect(step).toBe(snapshot?.steps?.[i]);
            });
          }
          snapshot = deepFreeze(next);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('arbitrary values as events never throw', () => {
    const knownTypes = fc.constantFrom(
      'interaction.created',
      'interaction.completed',
      'interaction.status_update',
      'step.start',
      'step.delta',
      'step.stop',
      'error',
    );
    const garbage = fc.oneof(
      fc.anything(),
      fc.record({
        event_type: knownTypes,
        index: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.anything()),
        step: fc.anything(),
        delta: fc.oneof(
          fc.anything(),
          fc.record({
            type: fc.constantFrom(
              'text',
              'thought_summary',
              'thought_signature',
              'text_annotation',
              'image',
              'arguments_delta',
            ),
            text: fc.anything(),
            content: fc.anything(),
            signature: fc.anything(),
            annotations: fc.anything(),
            arguments: fc.anything(),
          }),
        ),
        interaction: fc.anything(),
        status: fc.anything(),
        error: fc.anything(),
      }),
    );
    const start: Interaction = {
      id: 'i',
      status: 'in_progress',
      steps: [{ type: 'model_output', content: [{ type: 'text', text: 'a' }] }, { type: 'thought' }],
    };
    fc.assert(
      fc.property(fc.array(garbage, { maxLength: 12 }), fc.boolean(), (events, fromNothing) => {
        let snapshot: Interaction | undefined = fromNothing ? undefined : start;
        for (const event of events) snapshot = reduceInteraction(snapshot, event as InteractionEvent);
      }),
      { numRuns: 500 },
    );
  });
});

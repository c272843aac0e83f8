import { describe, expect, test } from 'vitest';
import type { Interaction, InteractionEvent } from '../wire/index.js';
import { reduceInteraction } from './reduce-interaction.js';

const running = (steps: Interaction['steps']): Interaction => ({ id: 'v1_a', status: 'in_progress', steps });
const delta = (index: number, d: Record<string, unknown>) =>
  ({ event_type: 'step.delta', index, delta: d }) as InteractionEvent;

describe('reduceInteraction', () => {
  test('interaction.created starts a snapshot with no steps; completed keeps the streamed steps', () => {
    const created = reduceInteraction(undefined, {
      event_type: 'interaction.created',
      interaction: { id: 'v1_a', status: 'in_progress', model: 'm' },
    });
    expect(created).toEqual({ id: 'v1_a', status: 'in_progress', model: 'm', steps: [] });
    const withStep = reduceInteraction(created, {
      event_type: 'step.start',
      index: 0,
      step: { type: 'model_output' },
    });
    const done = reduceInteraction(withStep, {
      event_type: 'interaction.completed',
      interaction: { id: 'v1_a', status: 'completed', steps: [] },
    });
    expect(done?.steps).toBe(withStep?.steps);
    expect(done?.status).toBe('completed');
  });

  test('text appends to the last text item and keeps identity of everything else', () => {
    const thought = { type: 'thought', summary: [{ type: 'text', text: 'hm' }] } as const;
    const first = { type: 'text', text: 'Hel' } as const;
    const snapshot = running([thought, { type: 'model_output', content: [first] }]);
    const next = reduceInteraction(snapshot, delta(1, { type: 'text', text: 'lo' }));
    expect(next.steps?.[1]).toEqual({ type: 'model_output', content: [{ type: 'text', text: 'Hello' }] });
    expect(next.steps?.[0]).toBe(thought);
    expect(snapshot.steps?.[1]).toEqual({ type: 'model_output', content: [first] });
  });

  test('text after a non-text item starts a new text item', () => {
    const image = { type: 'image', uri: 'u' } as const;
    const next = reduceInteraction(
      running([{ type: 'model_output', content: [image] }]),
      delta(0, { type: 'text', text: 'x' }),
    );
    expect(next.steps?.[0]).toEqual({ type: 'model_output', content: [image, { type: 'text', text: 'x' }] });
  });

  test('thought summaries, signatures, annotations and media deltas', () => {
    let s = running([{ type: 'thought' }, { type: 'model_output' }]);
    s = reduceInteraction(s, delta(0, { type: 'thought_summary', content: { type: 'text', text: 'a' } }));
    s = reduceInteraction(s, delta(0, { type: 'thought_summary', content: { type: 'text', text: 'b' } }));
    s = reduceInteraction(s, delta(0, { type: 'thought_signature', signature: 'sig' }));
    s = reduceInteraction(s, delta(1, { type: 'text', text: 'cited' }));
    s = reduceInteraction(
      s,
      delta(1, { type: 'text_annotation', annotations: [{ type: 'url_citation', url: 'u' }] }),
    );
    s = reduceInteraction(
      s,
      delta(1, { type: 'text_annotation_delta', annotations: [{ type: 'file_citation' }] }),
    );
    s = reduceInteraction(s, delta(1, { type: 'image', data: 'AAAA', mime_type: 'image/png' }));
    expect(s.steps).toEqual([
      { type: 'thought', summary: [{ type: 'text', text: 'ab' }], signature: 'sig' },
      {
        type: 'model_output',
        content: [
          {
            type: 'text',
            text: 'cited',
            annotations: [{ type: 'url_citation', url: 'u' }, { type: 'file_citation' }],
          },
          { type: 'image', data: 'AAAA', mime_type: 'image/png' },
        ],
      },
    ]);
  });

  test('function-call arguments stream as JSON text and parse at step.stop, once even if reduced twice', () => {
    const start = reduceInteraction(running([]), {
      event_type: 'step.start',
      index: 0,
      step: { type: 'function_call', id: 'c1', name: 'f', arguments: {} },
    });
    const half = reduceInteraction(start, delta(0, { type: 'arguments_delta', arguments: '{"city":' }));
    const full = reduceInteraction(half, delta(0, { type: 'arguments_delta', arguments: '"Paris"}' }));
    // Reducing the same snapshot again (as React may) must not append the fragment twice.
    reduceInteraction(half, delta(0, { type: 'arguments_delta', arguments: '"Paris"}' }));
    const stopped = reduceInteraction(full, { event_type: 'step.stop', index: 0 });
    expect(stopped.steps?.[0]).toEqual({
      type: 'function_call',
      id: 'c1',
      name: 'f',
      arguments: { city: 'Paris' },
    });
  });

  test('an unknown step is kept as given and unknown deltas leave the snapshot identical', () => {
    const future = { type: 'hologram', beams: 3 };
    const s = reduceInteraction(running([]), { event_type: 'step.start', index: 0, step: future });
    expect(s.steps?.[0]).toBe(future);
    expect(reduceInteraction(s, delta(0, { type: 'beam', n: 1 }))).toBe(s);
    expect(reduceInteraction(s, { event_type: 'interaction.teleported', where: 'mars' })).toBe(s);
    expect(reduceInteraction(s, delta(5, { type: 'text', text: 'nowhere' }))).toBe(s);
  });

  test('a step.start that would leave a hole is ignored', () => {
    const s = running([]);
    expect(reduceInteraction(s, { event_type: 'step.start', index: 2, step: { type: 'model_output' } })).toBe(
      s,
    );
  });

  test('status updates change the status (and usage), and repeat updates change nothing', () => {
    const s = running([]);
    const same = reduceInteraction(s, {
      event_type: 'interaction.status_update',
      interaction_id: 'v1_a',
      status: 'in_progress',
    });
    expect(same).toBe(s);
    const usage = { total_tokens: 5 };
    expect(
      reduceInteraction(s, {
        event_type: 'interaction.status_update',
        interaction_id: 'v1_a',
        status: 'requires_action',
        usage,
      }),
    ).toEqual({ ...s, status: 'requires_action', usage });
  });

  test('an error event marks the snapshot failed and records the error', () => {
    const s = reduceInteraction(running([]), {
      event_type: 'error',
      error: { code: 'internal', message: 'boom' },
    });
    expect(s).toMatchObject({ status: 'failed', errors: [{ code: 'internal', message: 'boom' }] });
  });
});

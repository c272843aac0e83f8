import { isObject } from '../util/is-object.js';
import { withField } from '../util/with-field.js';
import type {
  ErrorEvent,
  Interaction,
  InteractionEvent,
  InteractionEventPayload,
  InteractionStatusUpdateEvent,
  KnownInteractionEvent,
  Step,
  StepStartEvent,
} from '../wire/index.js';
import { applyStepDelta, finishStep } from './apply-delta.js';

/**
 * Rebuilds an Interaction from its stream events, so that the snapshot after
 * `interaction.completed` equals what a non-streamed call returns (on the fields events carry).
 *
 * Pure and total: the inputs are never mutated, an event that changes nothing returns the same
 * snapshot object, and unchanged steps keep their identity (a UI re-renders only the step that
 * changed). Unknown or malformed events, steps and deltas never throw; they change nothing.
 */
export function reduceInteraction(snapshot: Interaction, event: InteractionEvent): Interaction;
export function reduceInteraction(
  snapshot: Interaction | undefined,
  event: InteractionEvent,
): Interaction | undefined;
export function reduceInteraction(
  snapshot: Interaction | undefined,
  event: InteractionEvent,
): Interaction | undefined {
  if (!isObject(event)) return snapshot;
  // Known types narrow the union; anything else falls to `default` untouched.
  const known = event as KnownInteractionEvent;
  switch (known.event_type) {
    case 'interaction.created':
    case 'interaction.completed':
      return mergePayload(snapshot, known.interaction);
    case 'interaction.status_update':
      return updateStatus(snapshot, known);
    case 'step.start':
      return startStep(snapshot, known);
    case 'step.delta': {
      const { index, delta } = known;
      return isObject(delta) ? replaceStep(snapshot, index, (step) => applyStepDelta(step, delta)) : snapshot;
    }
    case 'step.stop':
      return replaceStep(snapshot, known.index, finishStep);
    case 'error':
      return recordError(snapshot, known);
    default:
      return snapshot;
  }
}

/** `interaction.created` / `.completed` carry the resource without steps (or with `steps: []`). */
function mergePayload(snapshot: Interaction | undefined, payload: unknown): Interaction | undefined {
  if (!isObject(payload)) return snapshot;
  const { steps, ...fields } = payload as InteractionEventPayload;
  const next = { ...snapshot, ...fields } as Interaction;
  next.steps = Array.isArray(steps) && steps.length > 0 ? steps : (snapshot?.steps ?? []);
  return next;
}

function updateStatus(
  snapshot: Interaction | undefined,
  { interaction_id, status, usage }: InteractionStatusUpdateEvent,
): Interaction | undefined {
  if (typeof status !== 'string') return snapshot;
  if (snapshot?.status === status && usage === undefined) return snapshot;
  const base = snapshot ?? { id: typeof interaction_id === 'string' ? interaction_id : '', steps: [] };
  return { ...base, status, ...(isObject(usage) ? { usage } : {}) };
}

function startStep(
  snapshot: Interaction | undefined,
  { index, step }: StepStartEvent,
): Interaction | undefined {
  const steps = snapshot?.steps ?? [];
  // A gap would leave a hole in `steps`; such an event is out of protocol and ignored.
  if (!isIndex(index) || index > steps.length || !isObject(step) || typeof step.type !== 'string') {
    return snapshot;
  }
  const next = steps.slice();
  next[index] = step;
  return { ...(snapshot ?? { id: '', status: 'in_progress' }), steps: next };
}

function replaceStep(
  snapshot: Interaction | undefined,
  index: unknown,
  update: (step: Step) => Step,
): Interaction | undefined {
  const steps = snapshot?.steps;
  if (!snapshot || !steps || !isIndex(index)) return snapshot;
  const step = steps[index];
  if (!isObject(step)) return snapshot;
  const updated = update(step);
  if (updated === step) return snapshot;
  const next = steps.slice();
  next[index] = updated;
  return withField(snapshot, 'steps', next);
}

/** The stream's `error` event ends generation: the resource reads back as failed with the error. */
function recordError(snapshot: Interaction | undefined, { error }: ErrorEvent): Interaction | undefined {
  if (!snapshot) return snapshot;
  const errors = isObject(error) ? [...(snapshot.errors ?? []), error] : snapshot.errors;
  return { ...snapshot, status: 'failed', ...(errors ? { errors } : {}) };
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

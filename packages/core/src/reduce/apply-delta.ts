import { isObject } from '../util/is-object.js';
import { withField } from '../util/with-field.js';
import type { Content, Step, StepDeltaPayload } from '../wire/index.js';

type LooseStep = Step & Record<string, unknown>;
type Delta = StepDeltaPayload & Record<string, unknown>;

/**
 * Function-call arguments stream as JSON text fragments that only parse once complete. The text
 * so far is kept beside the (immutable) step it belongs to, and parsed at `step.stop`: keyed by
 * step identity, so reducing the same snapshot twice never appends a fragment twice.
 */
const pendingArguments = new WeakMap<object, string>();

/** One `step.delta` applied to its step; returns the same step when the delta changes nothing. */
export function applyStepDelta(step: Step, delta: StepDeltaPayload): Step {
  const s = step as LooseStep;
  const d = delta as Delta;
  switch (d.type) {
    case 'text':
      return typeof d.text === 'string' ? withField(s, 'content', appendText(s.content, d.text)) : step;
    case 'thought_summary': {
      const content = d.content;
      if (!isObject(content)) return step;
      const summary =
        content.type === 'text' && typeof content.text === 'string'
          ? appendText(s.summary, content.text)
          : [...list(s.summary), content];
      return withField(s, 'summary', summary);
    }
    case 'thought_signature':
      return typeof d.signature === 'string' ? withField(s, 'signature', d.signature) : step;
    case 'text_annotation':
    case 'text_annotation_delta':
      return Array.isArray(d.annotations) ? annotateLastText(s, d.annotations) : step;
    case 'image':
    case 'audio':
    case 'video':
    case 'document':
      return { ...s, content: [...list(s.content), d as unknown as Content] };
    case 'arguments_delta': {
      if (typeof d.arguments !== 'string') return step;
      const next = { ...s };
      pendingArguments.set(next, (pendingArguments.get(step) ?? '') + d.arguments);
      return next;
    }
    default:
      return step;
  }
}

/** `step.stop`: completes what only makes sense whole (streamed function-call arguments). */
export function finishStep(step: Step): Step {
  const json = pendingArguments.get(step);
  if (json === undefined) return step;
  try {
    return { ...step, arguments: JSON.parse(json) } as Step;
  } catch {
    // Arguments that never became valid JSON stay as step.start gave them.
    return step;
  }
}

/** Text joins the last content item when that is text; O(1) items copied besides the array. */
function appendText(items: unknown, text: string): Content[] {
  const current = list(items) as Content[];
  const last = current[current.length - 1];
  if (last?.type === 'text' && typeof last.text === 'string') {
    const next = current.slice();
    next[next.length - 1] = withField(last, 'text', last.text + text);
    return next;
  }
  return [...current, { type: 'text', text }];
}

function annotateLastText(step: LooseStep, annotations: unknown[]): Step {
  const content = list(step.content) as Content[];
  const last = content[content.length - 1];
  if (last?.type !== 'text') return step;
  const next = content.slice();
  next[next.length - 1] = { ...last, annotations: [...(last.annotations ?? []), ...annotations] } as Content;
  return { ...step, content: next };
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

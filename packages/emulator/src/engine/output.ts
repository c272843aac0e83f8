import type { Content, GenerationConfig, InteractionStatus, Step } from '@gemkit/core';
import type { ResponderReply } from '../responder/types.js';
import { encodeBase64 } from '../util/base64.js';
import { hashString } from '../util/random.js';
import { applyOutputLimits } from './limits.js';

export interface OutputPlan {
  steps: Step[];
  status: InteractionStatus;
}

/** Thrown when a custom responder returns something that is not a reply; reported as a 500. */
export class InvalidReplyError extends Error {
  override name = 'InvalidReplyError';
}

/**
 * Turns a responder's reply into this turn's output steps: a text reply becomes a thought step (its
 * signature always; its summary when `thinking_summaries` is `'auto'` and the level is not `'minimal'`)
 * and a model_output step; step replies are used as given. Output limits are applied last.
 */
export function planOutput(
  reply: ResponderReply,
  config: GenerationConfig,
  options: { interactionId: string; fallbackSummary: string },
): OutputPlan {
  if (typeof reply === 'string') reply = { text: reply };
  if (typeof reply !== 'object' || reply === null) {
    throw new InvalidReplyError(
      `the responder returned ${String(reply)}; expected a string, {text} or {steps}`,
    );
  }
  if ('steps' in reply) {
    if (!Array.isArray(reply.steps) || reply.steps.some((s) => typeof s?.type !== 'string')) {
      throw new InvalidReplyError('the responder returned {steps} that is not a list of steps with a type');
    }
    const thought =
      typeof reply.thoughtSummary === 'string'
        ? [thoughtStep(reply.thoughtSummary, config, options.interactionId)]
        : [];
    const steps = applyOutputLimits([...thought, ...reply.steps.map(mergeTextItems)], config);
    const last = steps[steps.length - 1];
    return {
      steps,
      status: reply.status ?? (last?.type === 'function_call' ? 'requires_action' : 'completed'),
    };
  }
  if (
    typeof reply.text !== 'string' ||
    (reply.thoughtSummary !== undefined && typeof reply.thoughtSummary !== 'string')
  ) {
    throw new InvalidReplyError('the responder returned {text} without a string text');
  }
  const thought = thoughtStep(reply.thoughtSummary ?? options.fallbackSummary, config, options.interactionId);
  const answer: Step = { type: 'model_output', content: [{ type: 'text', text: reply.text }] };
  return { steps: applyOutputLimits([thought, answer], config), status: 'completed' };
}

function thoughtStep(summary: string, config: GenerationConfig, interactionId: string): Step {
  const level = config.thinking_level ?? 'high';
  const withSummary = config.thinking_summaries === 'auto' && level !== 'minimal' && summary !== '';
  // Opaque, like the API's: clients only store it and send it back.
  const signature = encodeBase64(
    new TextEncoder().encode(`gemkit-emulator:${level}:${hashString(interactionId + summary)}`),
  );
  return withSummary
    ? { type: 'thought', summary: [{ type: 'text', text: summary }], signature }
    : { type: 'thought', signature };
}

/** Adjacent text items become one: on the wire, a step's text streams into a single text item. */
function mergeTextItems(step: Step): Step {
  const s = step as Step & { content?: Content[]; summary?: Content[] };
  const merged = { ...s } as typeof s;
  if (Array.isArray(s.content)) merged.content = mergeText(s.content);
  if (Array.isArray(s.summary)) merged.summary = mergeText(s.summary);
  return merged;
}

function mergeText(items: Content[]): Content[] {
  const out: Content[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (item.type === 'text' && last?.type === 'text')
      out[out.length - 1] = { ...last, text: last.text + item.text };
    else out.push(item);
  }
  return out;
}

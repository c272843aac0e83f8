import type { Step } from '@gemkit/core';
import { badRequest } from '../http/errors.js';

/**
 * Every function_result must answer a function_call that came before it and has no result yet: a result
 * for an unknown (or already answered) call id is refused with 400, as the API refuses it. `inputFrom` is
 * where this request's own input starts in `conversation` (after the steps of a `previous_interaction_id`
 * chain), for the field path in the message; stored steps before it were checked when they were sent.
 */
export function checkFunctionResults(conversation: readonly Step[], inputFrom: number): void {
  const pending = new Set<string>();
  conversation.forEach((step, index) => {
    const s = step as { id?: unknown; call_id?: unknown };
    if (step.type === 'function_call' && typeof s.id === 'string') pending.add(s.id);
    if (step.type !== 'function_result' || typeof s.call_id !== 'string') return;
    if (pending.delete(s.call_id) || index < inputFrom) return;
    const open = [...pending].map((id) => `'${id}'`).join(', ');
    throw badRequest(
      `Invalid value at 'input[${index - inputFrom}].call_id': no pending function call has id '${s.call_id}' ` +
        `(pending: ${open || 'none'}).`,
    );
  });
}

import type { ModelMessage } from '@gemkit/react';

/**
 * The text a model message shows as its answer, below its function calls: the last `model_output` after the
 * last call or result ('' while none has come). Text written before a call is shown with the calls, in order.
 * Without calls, the message's text.
 */
export function answerText(message: ModelMessage): string {
  const { steps } = message;
  let lastCall = -1;
  for (let i = steps.length - 1; i >= 0 && lastCall < 0; i--) {
    const type = steps[i]?.type;
    if (type === 'function_call' || type === 'function_result') lastCall = i;
  }
  if (lastCall < 0) return message.text;
  for (let i = steps.length - 1; i > lastCall; i--) {
    if (steps[i]?.type === 'model_output') return message.text;
  }
  return '';
}

import { ToolRoundtripLimitError } from '../errors.js';
import type { CreateInteractionRequest, FunctionResultStep, Step } from '../wire/index.js';
import type { ConversationOptions } from './conversation.js';
import { buildTurnRequest } from './history.js';
import type { Message, ModelMessage } from './message.js';
import type { RequestSettings } from './settings.js';
import { pendingToolCalls, toolCallsOf } from './tool-calls.js';
import { resultStep } from './tool-results.js';

export const DEFAULT_MAX_TOOL_ROUNDTRIPS = 5;

/**
 * The turn `waiting` (status `requires_action`) goes on. Its calls without a result are run by `onToolCall`,
 * all at once; each result is shown (`show`) as it arrives, in a copy of the message marked as a request in
 * preparation. Returns the request that sends the results back once every call has one (the shown message
 * then holds every step sent so far), or the message to finish as `requires_action` when some call is left
 * for `addToolResult`, or undefined when `signal` aborted meanwhile (the turn was stopped).
 */
export async function toolRound(
  waiting: ModelMessage,
  lineage: readonly Message[],
  show: (message: ModelMessage) => void,
  signal: AbortSignal,
  settings: RequestSettings,
  options: ConversationOptions,
): Promise<CreateInteractionRequest | ModelMessage | undefined> {
  const { onToolCall, maxToolRoundtrips = DEFAULT_MAX_TOOL_ROUNDTRIPS } = options;
  const calls = pendingToolCalls(waiting);
  let shown: ModelMessage = { ...waiting, status: 'submitted', interactionId: undefined };
  if (onToolCall && calls.length > 0) {
    if (roundtrips(waiting) >= maxToolRoundtrips) throw new ToolRoundtripLimitError(maxToolRoundtrips);
    const results = new Map<string, FunctionResultStep>();
    const record = (step: FunctionResultStep) => {
      if (signal.aborted) return;
      results.set(step.call_id, step);
      // In the calls' order, whatever order they finish in: the request reads the same every time.
      shown = { ...shown, steps: [...waiting.steps, ...calls.flatMap((call) => results.get(call.id) ?? [])] };
      show(shown);
    };
    const runs = calls.map(async (call) => {
      let step: FunctionResultStep | undefined;
      try {
        const value = await onToolCall(
          { id: call.id, name: call.name, arguments: call.arguments },
          { signal },
        );
        if (value !== undefined) step = resultStep(call, value, false);
      } catch (error) {
        step = resultStep(call, error instanceof Error ? error.message : String(error), true);
      }
      if (step) record(step);
    });
    await Promise.race([Promise.all(runs), aborted(signal)]);
    if (signal.aborted) return undefined;
  }
  const unanswered = pendingToolCalls({ ...shown, status: 'requires_action' }).length > 0;
  if (unanswered || toolCallsOf(waiting).length === 0) {
    return { ...shown, status: 'requires_action', interactionId: waiting.interactionId };
  }
  const mode = options.mode ?? 'stateful';
  const earlierInteractionIds =
    waiting.stored && waiting.interactionId
      ? [...(waiting.earlierInteractionIds ?? []), waiting.interactionId]
      : waiting.earlierInteractionIds;
  show({
    ...shown,
    roundStart: shown.steps.length,
    stored: mode !== 'stateless',
    lastEventId: undefined,
    ...(earlierInteractionIds ? { earlierInteractionIds } : {}),
    // The turn's usage so far (every earlier request's): the next request's is added to it.
    ...(waiting.usage ? { earlierUsage: waiting.usage } : {}),
  });
  return continuationRequest(mode, settings, lineage, waiting, shown.steps);
}

/**
 * Stateful, when the turn's interaction is stored: `previous_interaction_id` of the interaction that called,
 * and the new results as `input`. Otherwise the whole history as steps — the earlier completed turns, the
 * user's message, then this turn's steps so far (its calls and every result) — with `store: false` when
 * stateless. `lineage`: the turn's user message and the messages before it.
 */
function continuationRequest(
  mode: 'stateful' | 'stateless',
  settings: RequestSettings,
  lineage: readonly Message[],
  waiting: ModelMessage,
  steps: readonly Step[],
): CreateInteractionRequest {
  const { store: _store, input, ...request } = buildTurnRequest('stateless', settings, lineage);
  if (mode === 'stateful' && waiting.stored && waiting.interactionId) {
    return { ...request, previous_interaction_id: waiting.interactionId, input: trailingResults(steps) };
  }
  const history = [...(input as Step[]), ...steps];
  return mode === 'stateless' ? { ...request, store: false, input: history } : { ...request, input: history };
}

/** The results sent since the model last called: the function_result steps at the end. */
function trailingResults(steps: readonly Step[]): Step[] {
  let start = steps.length;
  while (start > 0 && steps[start - 1]?.type === 'function_result') start--;
  return steps.slice(start);
}

/** How many times this turn has sent results back: its runs of function_result steps. */
function roundtrips(message: ModelMessage): number {
  return message.steps.filter(
    (step, i) => step.type === 'function_result' && message.steps[i + 1]?.type !== 'function_result',
  ).length;
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

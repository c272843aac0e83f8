import type { FunctionCallStep, FunctionResultStep, Step } from '../wire/index.js';
import type { Message } from './message.js';

/** A function call as `onToolCall` receives it: the model's `function_call` step. */
export type ToolCall = Pick<FunctionCallStep, 'id' | 'name' | 'arguments'>;

export interface ToolCallContext {
  /** Aborted when the turn is stopped (`stop()`, a new message, an unmount): give it to your fetch. */
  signal: AbortSignal;
}

/**
 * Runs a function the model called. What it returns is sent back as the result: a string or a JSON object
 * as it is, a list of content blocks as content, anything else as `{result: value}`. A thrown error is sent
 * as `is_error: true` with its message. `undefined` leaves the call to `addToolResult` (a confirmation, say).
 */
export type ToolCallHandler = (call: ToolCall, context: ToolCallContext) => unknown;

export interface ToolResultOptions {
  /** The result describes a failure (sent as `is_error: true`). */
  isError?: boolean;
}

/**
 * Where one function call of a model message is: `running` (the turn is in flight: arguments streaming, or
 * `onToolCall` running it), `waiting` (the turn waits for `addToolResult`), `done` / `error` (its result was
 * sent: `error` when it was a failure), `cancelled` (the turn stopped or failed before it had a result).
 */
export type ToolCallStatus = 'running' | 'waiting' | 'done' | 'error' | 'cancelled';

/** A function call of a model message with its result, for a UI to show. */
export interface ToolCallView {
  call: FunctionCallStep;
  result: FunctionResultStep | undefined;
  status: ToolCallStatus;
}

const isCall = (step: Step): step is FunctionCallStep => step.type === 'function_call';
const isResult = (step: Step): step is FunctionResultStep => step.type === 'function_result';

/** Every function call of a message, in order, with its result and where it is. */
export function toolCallsOf(message: Message | undefined): ToolCallView[] {
  if (message?.role !== 'model') return [];
  const results = new Map(message.steps.filter(isResult).map((step) => [step.call_id, step]));
  const inFlight = message.status === 'submitted' || message.status === 'streaming';
  return message.steps.filter(isCall).map((call) => {
    const result = results.get(call.id);
    const status: ToolCallStatus = result
      ? result.is_error
        ? 'error'
        : 'done'
      : inFlight
        ? 'running'
        : message.status === 'requires_action'
          ? 'waiting'
          : 'cancelled';
    return { call, result, status };
  });
}

/** The calls of a turn waiting for results (status `requires_action`) that have none yet: answer each with `addToolResult`. */
export function pendingToolCalls(message: Message | undefined): FunctionCallStep[] {
  return toolCallsOf(message)
    .filter((view) => view.status === 'waiting')
    .map((view) => view.call);
}

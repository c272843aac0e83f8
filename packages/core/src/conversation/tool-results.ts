import { UsageError } from '../errors.js';
import type { Content, FunctionCallStep, FunctionResultStep } from '../wire/index.js';
import type { ModelMessage } from './message.js';
import { pendingToolCalls, type ToolResultOptions } from './tool-calls.js';
import type { MessageTree } from './tree.js';

const CONTENT_TYPES = new Set(['text', 'image', 'audio', 'video', 'document']);

/** The `function_result` step that answers a call. */
export function resultStep(
  call: Pick<FunctionCallStep, 'id' | 'name'>,
  value: unknown,
  isError: boolean,
): FunctionResultStep {
  return {
    type: 'function_result',
    call_id: call.id,
    name: call.name,
    result: toResult(value),
    ...(isError ? { is_error: true } : {}),
  };
}

/**
 * What the API takes as a result: a string, a JSON object, or content blocks. Anything else (a number, a
 * list, null) is wrapped as `{result: value}`; values go through JSON so that what is sent is what is saved.
 */
export function toResult(value: unknown): FunctionResultStep['result'] {
  if (typeof value === 'string') return value;
  let json: unknown;
  try {
    json = JSON.parse(JSON.stringify(value) ?? 'null');
  } catch {
    return String(value);
  }
  if (Array.isArray(json) && json.length > 0 && json.every(isContent)) return json as Content[];
  if (typeof json === 'object' && json !== null && !Array.isArray(json))
    return json as Record<string, unknown>;
  return { result: json };
}

function isContent(value: unknown): boolean {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' && CONTENT_TYPES.has(type);
}

/**
 * `addToolResult`: adds the result of a call the shown last turn waits for (else a UsageError), and returns
 * that turn when it can go on (every call has its result).
 */
export function answerCall(
  tree: MessageTree,
  callId: string,
  value: unknown,
  options: ToolResultOptions = {},
): ModelMessage | undefined {
  const message = tree.path().at(-1);
  const call = pendingToolCalls(message).find((candidate) => candidate.id === callId);
  if (!call || message?.role !== 'model') {
    throw new UsageError(`No function call with id ${callId} is waiting for a result in the last turn`);
  }
  const next: ModelMessage = {
    ...message,
    steps: [...message.steps, resultStep(call, value, options.isError === true)],
  };
  tree.replace(next);
  return pendingToolCalls(next).length === 0 ? next : undefined;
}

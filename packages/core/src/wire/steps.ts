import type { Content, ImageContent, TextContent } from './content.js';

/** What the user (or the app, in stateless mode, replaying history) sent. */
export interface UserInputStep {
  type: 'user_input';
  content?: Content[];
}

/** The google.rpc.Status an output step can carry when generation of that step failed. */
export interface StepStatus {
  code?: number;
  message?: string;
  details?: Record<string, unknown>[];
}

/** The model's answer. The last model_output step's text is "the answer". */
export interface ModelOutputStep {
  type: 'model_output';
  content?: Content[];
  error?: StepStatus;
}

/** Thinking: summaries when `thinking_summaries` is on, and an opaque signature to send back. */
export interface ThoughtStep {
  type: 'thought';
  summary?: (TextContent | ImageContent)[];
  signature?: string;
}

export interface FunctionCallStep {
  type: 'function_call';
  id: string;
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON arguments chosen by the model, as the SDK types them.
  arguments: { [key: string]: any };
}

export interface FunctionResultStep {
  type: 'function_result';
  call_id: string;
  name?: string;
  is_error?: boolean;
  result: Content[] | Record<string, unknown> | string;
}

/**
 * Built-in tool calls and results (google_search_call, code_execution_result, url_context_call, …).
 * Their payloads differ per tool and grow over time, so they are typed by their common shape.
 */
export interface ToolCallStep {
  type:
    | 'google_search_call'
    | 'code_execution_call'
    | 'url_context_call'
    | 'file_search_call'
    | 'google_maps_call'
    | 'mcp_server_tool_call'
    | 'retrieval_call'
    | 'processing_call';
  id: string;
  // biome-ignore lint/suspicious/noExplicitAny: tool-specific payload, as the SDK types it per tool.
  arguments?: any;
  name?: string;
  server_name?: string;
  signature?: string;
  [key: string]: unknown;
}

export interface ToolResultStep {
  type:
    | 'google_search_result'
    | 'code_execution_result'
    | 'url_context_result'
    | 'file_search_result'
    | 'google_maps_result'
    | 'mcp_server_tool_result'
    | 'retrieval_result'
    | 'processing_result';
  call_id: string;
  // biome-ignore lint/suspicious/noExplicitAny: tool-specific payload, as the SDK types it per tool.
  result?: any;
  is_error?: boolean;
  signature?: string;
  [key: string]: unknown;
}

export type KnownStep =
  | UserInputStep
  | ModelOutputStep
  | ThoughtStep
  | FunctionCallStep
  | FunctionResultStep
  | ToolCallStep
  | ToolResultStep;

export type KnownStepType = KnownStep['type'];

/**
 * A step type this version of Gemkit does not know yet. The API adds step types over time;
 * they are carried through untouched (never dropped, never thrown on).
 */
export interface UnknownStep {
  type: string & {};
  [key: string]: unknown;
}

/** A step as received from the API: a known step, or one kept as-is. */
export type Step = KnownStep | UnknownStep;

export function isKnownStepType(type: string): type is KnownStepType {
  return KNOWN_STEP_TYPES.has(type);
}

const KNOWN_STEP_TYPES: ReadonlySet<string> = new Set<KnownStepType>([
  'user_input',
  'model_output',
  'thought',
  'function_call',
  'function_result',
  'google_search_call',
  'google_search_result',
  'code_execution_call',
  'code_execution_result',
  'url_context_call',
  'url_context_result',
  'file_search_call',
  'file_search_result',
  'google_maps_call',
  'google_maps_result',
  'mcp_server_tool_call',
  'mcp_server_tool_result',
  'retrieval_call',
  'retrieval_result',
  'processing_call',
  'processing_result',
]);

/** Narrows a step to a known type; `step.type === 'x'` alone cannot, because the union is open. */
export function isStepOfType<T extends KnownStepType>(
  step: Step | undefined,
  type: T,
): step is Extract<KnownStep, { type: T }> {
  return step?.type === type;
}

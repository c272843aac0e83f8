import type { Content, Modality, OpenString } from './content.js';
import type { Step } from './steps.js';
import type { Usage } from './usage.js';

export type InteractionStatus =
  | 'in_progress'
  | 'requires_action'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'incomplete'
  | 'budget_exceeded'
  | 'queued'
  | 'requires_continuation'
  | OpenString;

export type ThinkingLevel = 'minimal' | 'low' | 'medium' | 'high' | OpenString;
export type ThinkingSummaries = 'auto' | 'none' | OpenString;

export interface GenerationConfig {
  temperature?: number;
  top_p?: number;
  max_output_tokens?: number;
  stop_sequences?: string[];
  seed?: number;
  thinking_level?: ThinkingLevel;
  thinking_summaries?: ThinkingSummaries;
  tool_choice?: unknown;
  [key: string]: unknown;
}

/** A function the model may call, declared in `tools`. */
export interface FunctionTool {
  type: 'function';
  name?: string;
  description?: string;
  parameters?: unknown;
}

/** Built-in tools (`{type: 'google_search'}`, …) and functions; open because the list grows. */
export type Tool = FunctionTool | { type: string; [key: string]: unknown };

/** What `input` may be: a string, one content block, content blocks, or a list of steps (stateless history). */
export type InteractionInput = string | Content | Content[] | Step[];

/** An error recorded on the Interaction or sent as an `error` event. */
export interface ApiErrorBody {
  code?: string;
  message?: string;
}

/** The Interaction resource: what `POST /v1beta/interactions` returns and `GET …/{id}` reads back. */
export interface Interaction {
  id: string;
  status: InteractionStatus;
  model?: string;
  agent?: string;
  /** Present on the stored resource; absent when the request was `store: false`-only data. */
  object?: string;
  created?: string;
  updated?: string;
  steps?: Step[];
  input?: InteractionInput;
  system_instruction?: string;
  generation_config?: GenerationConfig;
  previous_interaction_id?: string;
  tools?: Tool[];
  usage?: Usage;
  errors?: ApiErrorBody[];
  response_modalities?: Modality[];
  service_tier?: string;
  labels?: Record<string, string>;
  [key: string]: unknown;
}

/** The partial Interaction carried by lifecycle events (`interaction.created`, `interaction.completed`). */
export interface InteractionEventPayload {
  id: string;
  status: InteractionStatus;
  model?: string;
  agent?: string;
  object?: string;
  created?: string;
  updated?: string;
  steps?: Step[];
  usage?: Usage;
  [key: string]: unknown;
}

/**
 * The body of every non-2xx HTTP response, in Google's API error shape:
 * `{"error": {"code": 400, "message": "…", "status": "INVALID_ARGUMENT"}}`.
 */
export interface ApiErrorResponse {
  error: {
    /** The HTTP status code as a number (some surfaces send a string code instead). */
    code: number | string;
    message: string;
    /** The canonical status name, e.g. `INVALID_ARGUMENT`, `NOT_FOUND`, `RESOURCE_EXHAUSTED`. */
    status?: string;
    details?: Record<string, unknown>[];
  };
}

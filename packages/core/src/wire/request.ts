import type { GenerationConfig, InteractionInput, Tool } from './interaction.js';

/** The body of `POST /v1beta/interactions` for a model interaction. */
export interface CreateInteractionRequest {
  model: string;
  input?: InteractionInput;
  system_instruction?: string;
  generation_config?: GenerationConfig;
  previous_interaction_id?: string;
  /** `false` keeps nothing on the server: the client sends the whole history as `input` steps. */
  store?: boolean;
  stream?: boolean;
  background?: boolean;
  tools?: Tool[];
  response_modalities?: string[];
  labels?: Record<string, string>;
}

export interface GetInteractionParams {
  /** Stream the interaction's events (again, or from `last_event_id`) instead of reading it once. */
  stream?: boolean;
  /** Resume a stream after this event; only events after it are sent. */
  last_event_id?: string;
  include_input?: boolean;
}

import type { Modality } from './content.js';

export interface ModalityTokens {
  modality?: Modality;
  tokens?: number;
}

/** Token accounting, as the API reports it on the Interaction and on `step.stop` / status events. */
export interface Usage {
  total_input_tokens?: number;
  total_output_tokens?: number;
  total_thought_tokens?: number;
  total_cached_tokens?: number;
  total_tool_use_tokens?: number;
  total_tokens?: number;
  initial_input_tokens?: number;
  input_tokens_by_modality?: ModalityTokens[];
  output_tokens_by_modality?: ModalityTokens[];
  cached_tokens_by_modality?: ModalityTokens[];
  tool_use_tokens_by_modality?: ModalityTokens[];
  grounding_tool_count?: { type?: string; count?: number }[];
}

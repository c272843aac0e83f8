import type {
  CreateInteractionRequest,
  GeminiFile,
  GenerationConfig,
  InteractionStatus,
  Step,
} from '@gemkit/core';

/** A media input (image, audio, video, document) found in the conversation, resolved to what it refers to. */
export interface ResolvedAttachment {
  type: 'image' | 'audio' | 'video' | 'document';
  mimeType: string | undefined;
  /** `file`: a Files API upload named by uri; `inline`: base64 `data`; `uri`: any other uri, not fetched. */
  source: 'file' | 'inline' | 'uri';
  uri?: string;
  /** The Files API resource, for `source: 'file'`. */
  file?: GeminiFile;
  /** The bytes, when the emulator has them (uploads and inline data). */
  data?: Uint8Array;
  sizeBytes?: number;
  /** True when it came with this turn's input rather than an earlier turn. */
  current: boolean;
}

/** Everything a responder may base its answer on. */
export interface ResponderContext {
  /** The create request body as sent. */
  request: CreateInteractionRequest;
  model: string;
  interactionId: string;
  /**
   * The whole conversation before this turn's output, oldest first: the earlier turns (from the
   * `previous_interaction_id` chain, or the steps sent as a stateless `input`) and this turn's input.
   */
  history: Step[];
  /** This turn's input: the trailing `user_input` / `function_result` steps of `history`. */
  input: Step[];
  systemInstruction: string | undefined;
  generationConfig: GenerationConfig;
  /** Every media input in `history`, in order. */
  attachments: ResolvedAttachment[];
  /** A PRNG seeded from `generation_config.seed` and the conversation: same seed + same input ⇒ same numbers. */
  random: () => number;
  /** Aborted when the interaction is cancelled or deleted while the responder runs. */
  signal: AbortSignal;
}

/** A plain answer; the emulator adds the thought step (signature, and summary when asked for). */
export interface TextReply {
  text: string;
  /** Used as the thought summary when `thinking_summaries` is `'auto'`. */
  thoughtSummary?: string;
}

/**
 * Full control over the output steps, e.g. a `function_call` (status then defaults to
 * `'requires_action'`). No thought step is added, unless `thoughtSummary` is given.
 */
export interface StepsReply {
  steps: Step[];
  status?: InteractionStatus;
  /** When set, a thought step comes first, as for a text reply (its summary when summaries are on). */
  thoughtSummary?: string;
}

export type ResponderReply = string | TextReply | StepsReply;

/** Produces the model's answer for one turn. May be async; may throw `EmulatorApiError` to fail the call. */
export type Responder = (context: ResponderContext) => ResponderReply | Promise<ResponderReply>;

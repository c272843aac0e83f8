import type { GemkitClient } from '../client/create-client.js';
import { prefetchClient } from '../client/prefetch.js';
import { type AnyGemkitError, UsageError } from '../errors.js';
import { getText, getThoughtSummary } from '../reduce/text.js';
import type { Schedule } from '../store/schedule.js';
import {
  createFrameStore,
  DEFAULT_STREAMING_UPDATE_MS,
  type FrameStore,
  type ReadableStore,
} from '../store/store.js';
import type { Content, Interaction, InteractionEvent, InteractionInput, Usage } from '../wire/index.js';
import { ActiveRequest, failedOutcome } from './active-request.js';
import { failureOf, turnStatusOf } from './derive.js';
import { type InputPart, isBlob, normalizeInput } from './input.js';
import { InteractionRun, type RunOutcome } from './interaction-run.js';
import { DEFAULT_INLINE_MAX_BYTES, prepareAttachment } from './lazy-attachments.js';
import type { TurnStatus } from './message.js';
import { pickSettings, type RequestSettings } from './settings.js';

export type RequestStatus = 'idle' | TurnStatus;

/** What `useInteraction` renders: one request's live Interaction and what is derived from it. */
export interface InteractionState {
  status: RequestStatus;
  /** The Interaction as far as it has streamed (or as returned), kept after a failure or a stop. */
  interaction: Interaction | undefined;
  /** The answer: the last `model_output` step's text. */
  text: string;
  /** The thought summaries, joined. */
  thoughts: string;
  error: AnyGemkitError | undefined;
  usage: Usage | undefined;
  /** Submitted or streaming. */
  isLoading: boolean;
}

/** What `create` sends: text, content blocks, steps, or parts with Files / Blobs (uploaded or inlined first). */
export type InteractionRequestInput = InteractionInput | readonly InputPart[];

/** Per-call overrides; `previous_interaction_id` continues a stored interaction. */
export interface CreateOverrides extends RequestSettings {
  previous_interaction_id?: string;
}

export interface InteractionControllerOptions extends RequestSettings {
  client: GemkitClient;
  onEvent?: (event: InteractionEvent) => void;
  /** The request ended without error: completed, cancelled or requires_action (see `interaction.status`). */
  onFinish?: (interaction: Interaction) => void;
  onError?: (error: AnyGemkitError) => void;
  /** Files up to this size are inlined, larger ones uploaded (default 256 KiB). */
  inlineMaxBytes?: number;
  schedule?: Schedule;
  /**
   * While the answer streams, subscribers hear about new text at most this often, in ms (default
   * {@link DEFAULT_STREAMING_UPDATE_MS}); a change of status is told at the next frame. At 0, every frame.
   */
  streamingUpdateMs?: number;
}

const IDLE: InteractionState = {
  status: 'idle',
  interaction: undefined,
  text: '',
  thoughts: '',
  error: undefined,
  usage: undefined,
  isLoading: false,
};

/**
 * One request at a time to the Interactions API, as a store: `create` replaces whatever ran before (stopping
 * it), `stop` aborts and cancels upstream, `reset` goes back to idle. Framework-agnostic; `useInteraction`
 * binds it to React. `create` never rejects for a failed request (the error is in the state and `onError`);
 * it rejects with a UsageError only for input that cannot be sent.
 */
export class InteractionController implements ReadableStore<InteractionState> {
  #options: InteractionControllerOptions;
  readonly #store: FrameStore<InteractionState>;
  #status: RequestStatus = 'idle';
  #interaction: Interaction | undefined;
  #error: AnyGemkitError | undefined;
  #run: ActiveRequest | undefined;

  constructor(options: InteractionControllerOptions) {
    this.#options = options;
    this.#store = createFrameStore((previous) => this.#compute(previous), { schedule: options.schedule });
  }

  // A subscriber is a view that may send soon: the client's code starts loading (once, when idle).
  subscribe = (listener: () => void): (() => void) => {
    prefetchClient();
    return this.#store.subscribe(listener);
  };
  getSnapshot = (): InteractionState => this.#store.getSnapshot();

  setOptions(options: Partial<Omit<InteractionControllerOptions, 'schedule'>>): void {
    this.#options = { ...this.#options, ...options };
  }

  /** Sends a request and resolves with the final Interaction (undefined if it failed or was stopped). */
  async create(
    input: InteractionRequestInput,
    overrides: CreateOverrides = {},
  ): Promise<Interaction | undefined> {
    // Text and Blob parts become content blocks first; content blocks and steps are sent as given.
    const parts =
      Array.isArray(input) && (input as unknown[]).some((p) => typeof p === 'string' || isBlob(p));
    if (input === undefined || input === null || (typeof input !== 'string' && typeof input !== 'object')) {
      throw new UsageError('create() takes text, content blocks, steps, or parts with Files / Blobs');
    }
    this.stop();
    const current = new ActiveRequest();
    this.#run = current;
    this.#set('submitted', undefined, undefined);
    let outcome: RunOutcome;
    try {
      const prepared = parts ? await this.#withAttachments(input as InputPart[], current.uploads) : input;
      if (this.#run !== current) return undefined;
      const settings = { stream: true, ...pickSettings(this.#options), ...overrides };
      if (!settings.model)
        throw new UsageError('No model: set `model` on the hook, the provider or the call');
      const request = { ...settings, model: settings.model, input: prepared as InteractionInput };
      current.run = new InteractionRun(this.#options.client, request, ({ interaction, event }) => {
        if (this.#run !== current) return;
        const status = event ? 'streaming' : this.#status;
        const textOnly = status === this.#status && this.#interaction !== undefined;
        this.#set(status, interaction, undefined, textOnly);
        if (event) this.#options.onEvent?.(event);
      });
      outcome = await current.run.run();
    } catch (caught) {
      outcome = failedOutcome(caught);
    }
    if (this.#run !== current) return undefined;
    this.#run = undefined;
    return this.#settle(outcome);
  }

  /** Aborts the request and cancels the generation upstream; what had arrived stays, status `cancelled`. */
  stop(): void {
    const current = this.#run;
    if (!current) return;
    this.#run = undefined;
    current.stop();
    this.#set('cancelled', this.#interaction, undefined);
    if (this.#interaction) this.#options.onFinish?.(this.#interaction);
  }

  /** Stops anything running and goes back to idle. */
  reset(): void {
    this.stop();
    this.#set('idle', undefined, undefined);
  }

  #settle({ interaction, error }: RunOutcome): Interaction | undefined {
    const status = error ? 'error' : turnStatusOf(interaction);
    const failure = error ?? (status === 'error' ? failureOf(interaction) : undefined);
    this.#set(status === 'streaming' ? 'completed' : status, interaction, failure);
    if (failure) {
      this.#options.onError?.(failure);
      return undefined;
    }
    if (interaction) this.#options.onFinish?.(interaction);
    return interaction;
  }

  /** Text parts become text blocks, Blobs are uploaded or inlined; the parts keep their order. */
  async #withAttachments(parts: InputPart[], uploads: AbortController): Promise<Content[]> {
    normalizeInput(parts); // throws a UsageError for parts that cannot be sent
    const inlineMaxBytes = this.#options.inlineMaxBytes ?? DEFAULT_INLINE_MAX_BYTES;
    return Promise.all(
      parts.map((part) =>
        typeof part === 'string'
          ? ({ type: 'text', text: part } as const)
          : isBlob(part)
            ? prepareAttachment(part, {
                client: this.#options.client,
                inlineMaxBytes,
                signal: uploads.signal,
              })
            : (part as Content),
      ),
    );
  }

  /** `canWait`: only more of the same answer arrived, which subscribers hear about at the streaming pace. */
  #set(
    status: RequestStatus,
    interaction: Interaction | undefined,
    error: AnyGemkitError | undefined,
    canWait = false,
  ): void {
    this.#status = status;
    this.#interaction = interaction;
    this.#error = error;
    this.#store.invalidate(
      canWait ? (this.#options.streamingUpdateMs ?? DEFAULT_STREAMING_UPDATE_MS) : undefined,
    );
  }

  #compute(previous: InteractionState | undefined): InteractionState {
    const interaction = this.#interaction;
    if (this.#status === 'idle' && !interaction && !this.#error) return IDLE;
    // Deriving text is the costly part: done once per frame, and only when the Interaction changed.
    const same = previous?.interaction === interaction;
    return {
      status: this.#status,
      interaction,
      text: same && previous ? previous.text : getText(interaction),
      thoughts: same && previous ? previous.thoughts : getThoughtSummary(interaction),
      error: this.#error,
      usage: interaction?.usage,
      isLoading: this.#status === 'submitted' || this.#status === 'streaming',
    };
  }
}

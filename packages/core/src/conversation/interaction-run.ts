import type { GemkitClient } from '../client/create-client.js';
import type { InteractionStream } from '../client/interaction-stream.js';
import { type AnyGemkitError, toGemkitError } from '../errors.js';
import type { CreateInteractionRequest, Interaction, InteractionEvent } from '../wire/index.js';

/** How long a stop waits for the server to name the interaction (so it can be cancelled) before just leaving. */
const CANCEL_WAIT_MS = 10_000;

export interface RunUpdate {
  interaction: Interaction | undefined;
  /** Absent for a non-streamed answer. */
  event: InteractionEvent | undefined;
  lastEventId: string | undefined;
}

export interface RunOutcome {
  /** The final Interaction, or as much of it as had arrived when the run failed or was stopped. */
  interaction: Interaction | undefined;
  /** Why the run did not complete; undefined when it did (whatever the Interaction's own status). */
  error: AnyGemkitError | undefined;
  stopped: boolean;
  lastEventId: string | undefined;
}

/** Continue the stream of an existing interaction instead of creating one (after a reload). */
export interface ResumeFrom {
  interactionId: string;
  lastEventId: string | undefined;
  snapshot: Interaction | undefined;
}

/**
 * One request to the Interactions API, streamed or not, from start to outcome. `run()` never rejects: every
 * failure is an outcome with a typed error. `stop()` means stop upstream too: a stored interaction keeps
 * generating after a mere disconnect (so that it can be resumed), so stopping also calls `cancel` on it —
 * after waiting for the stream's first event if the server has not named the interaction yet.
 */
export class InteractionRun {
  readonly #client: GemkitClient;
  readonly #request: CreateInteractionRequest;
  readonly #resume: ResumeFrom | undefined;
  readonly #onUpdate: (update: RunUpdate) => void;
  readonly #controller = new AbortController();
  #stream: InteractionStream | undefined;
  #stopped = false;
  #left = false;
  #cancelTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    client: GemkitClient,
    request: CreateInteractionRequest,
    onUpdate: (update: RunUpdate) => void,
    resume?: ResumeFrom,
  ) {
    this.#client = client;
    this.#request = request;
    this.#onUpdate = onUpdate;
    this.#resume = resume;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  async run(): Promise<RunOutcome> {
    const signal = this.#controller.signal;
    try {
      if (this.#request.stream === false && !this.#resume) {
        const interaction = await this.#client.interactions.create(
          { ...this.#request, stream: false },
          { signal },
        );
        this.#onUpdate({ interaction, event: undefined, lastEventId: undefined });
        return { interaction, error: undefined, stopped: false, lastEventId: undefined };
      }
      const stream = await this.#open(signal);
      this.#stream = stream;
      for await (const event of stream) {
        if (this.#stopped) {
          // Stopped before the server had named the interaction: now it has, so it can be cancelled.
          this.#leave();
          break;
        }
        this.#onUpdate({ interaction: stream.snapshot, event, lastEventId: stream.lastEventId });
      }
      return this.#outcome(stream.snapshot, undefined);
    } catch (caught) {
      const error = toGemkitError(caught);
      return this.#outcome(error.snapshot ?? this.#stream?.snapshot, error);
    } finally {
      clearTimeout(this.#cancelTimer);
    }
  }

  /** Ends the request now, and the generation on the server as soon as its id is known. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    const waitForId = this.#cancellable && !this.#stream?.interactionId;
    if (!waitForId) {
      this.#leave();
      return;
    }
    this.#cancelTimer = setTimeout(() => this.#controller.abort(), CANCEL_WAIT_MS);
  }

  /** Drops the connection but lets the server finish: the interaction stays resumable (an unmount, say). */
  detach(): void {
    this.#stopped = true;
    this.#left = true;
    this.#controller.abort();
  }

  #open(signal: AbortSignal): Promise<InteractionStream> {
    if (this.#resume) {
      const { interactionId, lastEventId, snapshot } = this.#resume;
      const params = lastEventId
        ? { stream: true as const, last_event_id: lastEventId }
        : { stream: true as const };
      return this.#client.interactions.get(interactionId, params, {
        signal,
        ...(snapshot ? { snapshot } : {}),
      });
    }
    return this.#client.interactions.create({ ...this.#request, stream: true }, { signal });
  }

  /** Only a stored interaction can be cancelled by id; an unstored one ends with its connection. */
  get #cancellable(): boolean {
    return this.#resume !== undefined || this.#request.store !== false;
  }

  #leave(): void {
    if (this.#left) return;
    this.#left = true;
    const id = this.#stream?.interactionId;
    if (id && this.#cancellable) {
      // Fire and forget: the stop is already shown; a failed cancel only means the server finishes the turn.
      this.#client.interactions.cancel(id).catch(() => {});
    }
    this.#controller.abort();
  }

  #outcome(interaction: Interaction | undefined, error: AnyGemkitError | undefined): RunOutcome {
    const stopped = this.#stopped;
    return {
      interaction,
      error: stopped ? undefined : error,
      stopped,
      lastEventId: this.#stream?.lastEventId,
    };
  }
}

import { AbortError, GemkitError, NetworkError, StreamError, toGemkitError, UsageError } from '../errors.js';
import { reduceInteraction } from '../reduce/reduce-interaction.js';
import { createEventDecoder } from '../sse/decode.js';
import type { ErrorEvent, Interaction, InteractionEvent } from '../wire/index.js';
import { failure } from './http.js';
import type { BodyReader } from './read-ahead.js';
import type { RetryOptions } from './retry.js';

/** Statuses of an interaction still generating: a stream that ends in one of them was cut. */
const RUNNING = new Set(['in_progress', 'queued']);

export interface InteractionStreamInit {
  /** The body of the open `text/event-stream` response, read ahead since it arrived. */
  body: BodyReader;
  /** Aborting it ends the stream and releases the connection; linked to the caller's signal. */
  controller: AbortController;
  /** Re-opens the stream after `lastEventId` (`GET …/{id}?stream=true&last_event_id=…`). */
  reopen: (interactionId: string, lastEventId: string | undefined, signal: AbortSignal) => Promise<Response>;
  /** False for `store: false`: such an interaction cannot be read back, so a break is final. */
  resumable: boolean;
  retry: RetryOptions | undefined;
  interactionId?: string | undefined;
  lastEventId?: string | undefined;
  snapshot?: Interaction | undefined;
  /** Called once when the stream is finished, however it finished. */
  onSettled?: () => void;
}

/**
 * A streamed interaction: `for await` over its events (once), or await `finalInteraction()`.
 * `snapshot` is the Interaction rebuilt from the events so far. A connection that breaks after
 * events arrived is resumed after the last event id, so no text is lost or repeated.
 */
export class InteractionStream implements AsyncIterable<InteractionEvent> {
  #init: InteractionStreamInit;
  #snapshot: Interaction | undefined;
  #interactionId: string | undefined;
  #lastEventId: string | undefined;
  #eventCount = 0;
  #started = false;
  #final: Promise<Interaction>;
  #settle!: { resolve: (value: Interaction) => void; reject: (error: unknown) => void };

  constructor(init: InteractionStreamInit) {
    this.#init = init;
    this.#snapshot = init.snapshot;
    this.#interactionId = init.interactionId ?? init.snapshot?.id;
    this.#lastEventId = init.lastEventId;
    this.#final = new Promise((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    // Nobody may ask for the final result; its rejection must not be reported as unhandled.
    this.#final.catch(() => {});
  }

  get snapshot(): Interaction | undefined {
    return this.#snapshot;
  }

  get interactionId(): string | undefined {
    return this.#interactionId;
  }

  /** The last event seen: pass it as `last_event_id` to continue this stream elsewhere. */
  get lastEventId(): string | undefined {
    return this.#lastEventId;
  }

  /** Ends the stream: iteration and finalInteraction() reject with AbortError. Generation goes on server-side. */
  abort(reason?: unknown): void {
    this.#init.controller.abort(reason);
  }

  /** The completed Interaction; consumes the stream if nobody iterates it. */
  finalInteraction(): Promise<Interaction> {
    if (!this.#started) {
      this.#started = true;
      // Nobody takes the events one by one, so none is handed out: one step runs the stream to its end.
      this.#run(false)
        .next()
        .catch(() => {});
    }
    return this.#final;
  }

  [Symbol.asyncIterator](): AsyncGenerator<InteractionEvent> {
    if (this.#started) {
      throw new UsageError('An InteractionStream can be iterated only once; use finalInteraction() as well');
    }
    this.#started = true;
    return this.#run(true);
  }

  /**
   * Reads the events (yielding each when `yieldEach`), reduces them into the snapshot and settles
   * finalInteraction(). A connection that breaks is re-opened after the last event id; a replay that stops
   * at an interaction no longer running ends it as interaction.completed does.
   */
  async *#run(yieldEach: boolean): AsyncGenerator<InteractionEvent> {
    const { signal } = this.#init.controller;
    let reader = this.#init.body;
    let resumed = false;
    let failedResumes = 0;
    let completed = false;
    try {
      for (;;) {
        // A replay from the start (no event id to resume after) repeats what was already seen.
        let skip = resumed && this.#lastEventId === undefined ? this.#eventCount : 0;
        let broke: unknown = new NetworkError('The stream ended before interaction.completed', false);
        let ended = false;
        const decoder = createEventDecoder();
        try {
          // One await per read of the body, not per event: an async step costs about as much as parsing one.
          for (let done = false; !done && !ended; ) {
            const read = await reader.read();
            done = read.done;
            for (const event of done ? decoder.end() : decoder.push(read.value as Uint8Array)) {
              if (skip > 0) {
                skip--;
                continue;
              }
              failedResumes = 0;
              this.#accept(event);
              if (event.event_type === 'error') throw this.#streamError(event as ErrorEvent);
              if (yieldEach) yield event;
              ended = event.event_type === 'interaction.completed';
              if (ended) break;
            }
          }
          if (this.#snapshot && (ended || !RUNNING.has(this.#snapshot.status))) {
            completed = true;
            this.#settle.resolve(this.#snapshot);
            return;
          }
        } catch (error) {
          if (error instanceof GemkitError) throw error;
          broke = error;
        } finally {
          // Releases the connection when the stream is left early; a no-op after the end.
          reader.cancel().catch(() => {});
        }
        const cause = failure(broke, signal, false);
        if (cause instanceof AbortError) throw cause;
        const { reopenStream } = await import('./reopen-stream.js');
        const position = {
          interactionId: this.#interactionId,
          lastEventId: this.#lastEventId,
          snapshot: this.#snapshot,
        };
        const response = await reopenStream(this.#init, position, cause, ++failedResumes);
        reader = (response.body as ReadableStream<Uint8Array>).getReader();
        resumed = true;
      }
    } catch (error) {
      const typed = toGemkitError(error);
      typed.snapshot ??= this.#snapshot;
      this.#settle.reject(typed);
      throw typed;
    } finally {
      if (!completed) {
        // Leaving early (break, a throw in the loop body) counts as an abort and frees the connection.
        this.#settle.reject(
          new AbortError('The stream was closed before it completed', { snapshot: this.#snapshot }),
        );
        this.#init.controller.abort();
      }
      this.#init.onSettled?.();
    }
  }

  #accept(event: InteractionEvent): void {
    this.#eventCount++;
    this.#snapshot = reduceInteraction(this.#snapshot, event);
    if (typeof event.event_id === 'string') this.#lastEventId = event.event_id;
    this.#interactionId ??= this.#snapshot?.id || undefined;
  }

  #streamError(event: ErrorEvent): StreamError {
    const { code, message } = event.error ?? {};
    return new StreamError(code, message || 'The interaction failed while streaming', {
      snapshot: this.#snapshot,
    });
  }
}

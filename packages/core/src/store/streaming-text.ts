import { type AnyGemkitError, toGemkitError } from '../errors.js';
import { reduceInteraction } from '../reduce/reduce-interaction.js';
import { getText, getThoughtSummary } from '../reduce/text.js';
import type { Interaction, InteractionEvent, Step } from '../wire/index.js';
import { type CancelScheduled, frameSchedule, type Schedule } from './schedule.js';
import { createFrameStore, type FrameStore, type ReadableStore } from './store.js';
import { TextSmoother, type TextSmootherOptions } from './text-smoother.js';

/** Something with steps and a status: an Interaction, or a model message from a conversation. */
export interface LiveSteps {
  steps?: readonly Step[];
  status?: string;
}

/**
 * What text can be streamed from: an InteractionStream or any async iterable of events or text chunks, a live
 * Interaction (or conversation message) that is replaced as it grows, plain text, or nothing yet.
 */
export type StreamingTextSource =
  | AsyncIterable<InteractionEvent | string>
  | LiveSteps
  | string
  | null
  | undefined;

export interface StreamingTextState {
  /** The answer text to render (smoothed, if asked). */
  text: string;
  /** The thought summaries to render, on their own channel. */
  thoughts: string;
  /** The source is still producing. */
  isStreaming: boolean;
  /** The source has ended and everything it produced is shown. */
  done: boolean;
  error: AnyGemkitError | undefined;
}

export interface StreamingTextOptions {
  /** Release bursty chunks at a steady pace (`true` = by word); default false: show text as it arrives. */
  smooth?: boolean | TextSmootherOptions;
  /** When subscribers hear about changes, and the smoothing clock's tick (default: every animation frame). */
  schedule?: Schedule;
  /** The smoothing clock in milliseconds (default `performance.now`). */
  now?: () => number;
}

const RUNNING = new Set(['in_progress', 'queued', 'submitted', 'streaming', 'requires_continuation']);

/**
 * Turns a source of streamed text into render-ready text: batched to one update per frame, optionally smoothed,
 * with the answer and the thought summaries apart. Iterating an async source is a side effect: it starts on
 * `setSource` (call it from an effect) and stops on `dispose` or when another source replaces it.
 */
export class StreamingText implements ReadableStore<StreamingTextState> {
  readonly #store: FrameStore<StreamingTextState>;
  readonly #schedule: Schedule;
  readonly #now: () => number;
  readonly #answer: TextSmoother | undefined;
  readonly #thought: TextSmoother | undefined;
  #source: StreamingTextSource;
  #text = '';
  #thoughts = '';
  #ended = true;
  #error: AnyGemkitError | undefined;
  #iteration: { stop: () => void } | undefined;
  #tick: CancelScheduled | undefined;
  #lastTick = 0;
  #attachments = 0;
  #disposal: ReturnType<typeof setTimeout> | undefined;

  constructor(options: StreamingTextOptions = {}) {
    this.#schedule = options.schedule ?? frameSchedule;
    this.#now = options.now ?? (() => globalThis.performance?.now() ?? Date.now());
    if (options.smooth) {
      const smoothing = options.smooth === true ? {} : options.smooth;
      this.#answer = new TextSmoother(smoothing);
      this.#thought = new TextSmoother(smoothing);
    }
    this.#store = createFrameStore((previous) => this.#compute(previous), { schedule: this.#schedule });
  }

  subscribe = (listener: () => void): (() => void) => this.#store.subscribe(listener);
  getSnapshot = (): StreamingTextState => this.#store.getSnapshot();

  /** Follows a new source; the same source again (or a newer version of a live Interaction) continues. */
  setSource(source: StreamingTextSource): void {
    if (source === this.#source) return;
    const wasIterating = this.#iteration !== undefined;
    this.#source = source;
    this.#iteration?.stop();
    this.#iteration = undefined;
    this.#error = undefined;
    if (isAsyncIterable(source)) {
      this.#update('', '', false);
      this.#iterate(source);
    } else if (typeof source === 'string') {
      this.#update(source, '', true, !wasIterating && this.#shown() === '');
    } else if (source) {
      const running = typeof source.status === 'string' && RUNNING.has(source.status);
      const view = { steps: [...(source.steps ?? [])] } as Interaction;
      // A source already complete when first seen (a restored message) is shown at once, not replayed.
      this.#update(
        getText(view),
        getThoughtSummary(view),
        !running,
        !running && this.#ended && this.#shown() === '',
      );
    } else {
      this.#update('', '', true, true);
    }
  }

  /** Tells subscribers about a pending change now rather than at the next frame (a new source, say). */
  flush(): void {
    this.#store.flush();
  }

  /**
   * For a view layer: call on mount, and the returned function on unmount. Disposal after the last unmount
   * waits a task, so React's StrictMode (mount → unmount → mount at once) keeps reading the same stream, which
   * could not be read a second time.
   */
  attach(): () => void {
    this.#attachments++;
    clearTimeout(this.#disposal);
    let detached = false;
    return () => {
      if (detached) return;
      detached = true;
      if (--this.#attachments === 0) this.#disposal = setTimeout(() => this.dispose(), 0);
    };
  }

  /** Stops iterating the source and the smoothing clock. */
  dispose(): void {
    this.#iteration?.stop();
    this.#iteration = undefined;
    this.#tick?.();
    this.#tick = undefined;
  }

  #iterate(source: AsyncIterable<InteractionEvent | string>): void {
    let stopped = false;
    const iterator = source[Symbol.asyncIterator]();
    this.#iteration = {
      stop: () => {
        stopped = true;
        // Ends the producer too: for an InteractionStream, this aborts the request.
        iterator.return?.().catch(() => {});
      },
    };
    let snapshot: Interaction | undefined;
    let text = '';
    const loop = async () => {
      try {
        for (let next = await iterator.next(); !next.done && !stopped; next = await iterator.next()) {
          const chunk = next.value;
          if (typeof chunk === 'string') {
            text += chunk;
            this.#update(text, this.#thoughts, false);
          } else {
            snapshot = reduceInteraction(snapshot, chunk);
            this.#update(getText(snapshot), getThoughtSummary(snapshot), false);
          }
        }
        if (!stopped) this.#update(this.#text, this.#thoughts, true);
      } catch (error) {
        if (stopped) return;
        this.#error = toGemkitError(error);
        this.#update(this.#text, this.#thoughts, true);
      }
    };
    loop();
  }

  #update(text: string, thoughts: string, ended: boolean, immediate = false): void {
    this.#text = text;
    this.#thoughts = thoughts;
    this.#ended = ended;
    this.#answer?.setTarget(text, ended);
    this.#thought?.setTarget(thoughts, ended);
    if (immediate) {
      this.#answer?.skipToEnd();
      this.#thought?.skipToEnd();
    }
    this.#store.invalidate();
    this.#startClock();
  }

  /** Smoothing runs on the frame schedule: each tick releases text and notifies once, then asks for another. */
  #startClock(): void {
    if (this.#tick || !this.#answer || !this.#thought) return;
    if (!this.#answer.behind && !this.#thought.behind) return;
    this.#lastTick = this.#now();
    const tick = () => {
      const now = this.#now();
      const elapsed = now - this.#lastTick;
      this.#lastTick = now;
      const changed = [this.#answer?.advance(elapsed), this.#thought?.advance(elapsed)].some(Boolean);
      this.#tick = undefined;
      if (changed) {
        this.#store.invalidate();
        this.#store.flush();
      }
      if (this.#answer?.behind || this.#thought?.behind) this.#tick = this.#schedule(tick);
      else if (!changed) this.#store.flush();
    };
    this.#tick = this.#schedule(tick);
  }

  #shown(): string {
    return this.#answer?.text ?? this.#text;
  }

  #compute(previous: StreamingTextState | undefined): StreamingTextState {
    const text = this.#answer?.text ?? this.#text;
    const thoughts = this.#thought?.text ?? this.#thoughts;
    const caughtUp = text === this.#text && thoughts === this.#thoughts;
    const next: StreamingTextState = {
      text,
      thoughts,
      isStreaming: !this.#ended,
      done: this.#ended && caughtUp,
      error: this.#error,
    };
    const same =
      previous &&
      previous.text === next.text &&
      previous.thoughts === next.thoughts &&
      previous.isStreaming === next.isStreaming &&
      previous.done === next.done &&
      previous.error === next.error;
    return same ? previous : next;
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<InteractionEvent | string> {
  return typeof (value as { [Symbol.asyncIterator]?: unknown } | null)?.[Symbol.asyncIterator] === 'function';
}

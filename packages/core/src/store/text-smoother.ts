import { segmentText, type TextGranularity } from './segment-text.js';

export interface TextSmootherOptions {
  /** Release whole words (default) or single graphemes. Either way no character or emoji is cut in two. */
  granularity?: TextGranularity;
  /** The steady pace in segments per second while the shown text keeps up (default 40 words or 200 graphemes). */
  pace?: number;
  /** How far, in milliseconds of pace, the shown text may fall behind before it speeds up to catch up (default 500). */
  maxLagMs?: number;
}

const DEFAULT_PACE: Record<TextGranularity, number> = { word: 40, grapheme: 200 };

/**
 * Turns text that arrives in bursts (network chunks) into text that grows at a steady pace. It is a pure
 * state machine driven by `advance(elapsedMs)`, so the caller owns the clock (a frame loop, or a test).
 *
 * While the text is still streaming, the last segment is held back: it may be the first half of a word, or of
 * an emoji sequence whose joiner has not arrived yet. It is released once more text follows or the stream ends.
 */
export class TextSmoother {
  readonly #granularity: TextGranularity;
  readonly #pace: number;
  readonly #maxLagMs: number;
  #target = '';
  #shown = '';
  #done = false;
  /** Fractional segments earned by elapsed time but not yet released. */
  #credit = 0;

  constructor(options: TextSmootherOptions = {}) {
    this.#granularity = options.granularity ?? 'word';
    this.#pace = positiveOr(options.pace, DEFAULT_PACE[this.#granularity]);
    this.#maxLagMs = positiveOr(options.maxLagMs, 500);
  }

  /** The text shown now. */
  get text(): string {
    return this.#shown;
  }

  /** True when everything received is shown and the stream has ended. */
  get settled(): boolean {
    return this.#done && this.#shown === this.#target;
  }

  /** True when there is received text not shown yet. */
  get behind(): boolean {
    return this.#shown !== this.#target;
  }

  /** Sets everything received so far. Text that does not continue what is shown (a new answer) starts over. */
  setTarget(target: string, done: boolean): void {
    if (!target.startsWith(this.#shown)) {
      this.#shown = '';
      this.#credit = 0;
    }
    this.#target = target;
    this.#done = done;
  }

  /** Shows everything received at once (a stopped stream, a restored message). */
  skipToEnd(): void {
    this.#shown = this.#target;
    this.#credit = 0;
  }

  /** Releases the segments that `elapsedMs` of time has earned; returns whether the shown text changed. */
  advance(elapsedMs: number): boolean {
    const pending = this.#target.slice(this.#shown.length);
    if (pending === '') {
      this.#credit = 0;
      return false;
    }
    const segments = segmentText(pending, this.#granularity);
    const releasable = this.#done ? segments.length : segments.length - 1;
    if (releasable <= 0) return false;
    const rate = Math.max(this.#pace, (releasable * 1000) / this.#maxLagMs);
    this.#credit += (Math.max(0, elapsedMs) * rate) / 1000;
    const count = Math.min(releasable, Math.floor(this.#credit));
    if (count === 0) return false;
    this.#credit -= count;
    // Idle time must not bank a burst for later text.
    if (count === releasable) this.#credit = Math.min(this.#credit, 1);
    this.#shown += segments.slice(0, count).join('');
    return true;
  }
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

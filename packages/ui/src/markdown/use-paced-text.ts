'use client';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * How often a streaming answer's markdown is brought up to date: about ten times a second. Every
 * update of a long answer costs the browser a render, style, layout and paint of the page; at the
 * display's frame rate that keeps the main thread busy for much of the stream. Ten updates a second
 * still reads as continuous text, and leaves the page idle in between.
 */
export const STREAMING_UPDATE_MS = 100;

/**
 * `text` as it should be shown: while `streaming`, it catches up with the text at most once every
 * `intervalMs` (the first text at once, the rest at that pace, and whatever arrived last shown at the
 * end of the interval even if nothing follows); once streaming ends, always the latest text, in the
 * same render.
 *
 * A catch-up is committed at the start of an animation frame, as the stream's own updates are, so
 * that the frame lays it out, lets observers react (a chat list following the answer scrolls) and
 * paints it as one: no task in between sees the text grown and the view not yet moved.
 */
export function usePacedText(text: string, streaming: boolean, intervalMs = STREAMING_UPDATE_MS): string {
  const [shown, setShown] = useState(text);
  const shownAt = useRef(Number.NEGATIVE_INFINITY);
  const paced = streaming && intervalMs > 0;
  useEffect(() => {
    if (!paced || text === shown) return;
    // Re-armed on every new text with the same deadline, so the newest text is what shows when it fires.
    const wait = Math.max(0, shownAt.current + intervalMs - performance.now());
    let frame = 0;
    const timer = setTimeout(() => {
      frame = requestAnimationFrame(() => {
        shownAt.current = performance.now();
        flushSync(() => setShown(text));
      });
    }, wait);
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [paced, text, shown, intervalMs]);
  return paced ? shown : text;
}

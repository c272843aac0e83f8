import {
  StreamingText,
  type StreamingTextSource,
  type StreamingTextState,
  type TextSmootherOptions,
} from '@gemkit/core';
import { useEffect, useState } from 'react';
import { useGemkit } from './context.js';
import { useIsomorphicLayoutEffect } from './use-latest.js';
import { useStore } from './use-store.js';

export interface UseStreamingTextOptions {
  /**
   * Release bursty network chunks at a steady pace: `true` for words, or `{ granularity: 'grapheme', pace,
   * maxLagMs }`. Default false: text shows as it arrives (still at most one render per frame).
   * Read on mount.
   */
  smooth?: boolean | TextSmootherOptions;
}

/**
 * Render-ready text from a stream: an InteractionStream, any async iterable of events or text chunks, or a
 * live Interaction / conversation message that grows. Answer text and thought summaries come apart;
 * `isStreaming` while the source produces, `done` once it ended and everything is shown.
 */
export function useStreamingText(
  source: StreamingTextSource,
  options: UseStreamingTextOptions = {},
): StreamingTextState {
  const schedule = useGemkit()?.schedule;
  const [streaming] = useState(() => new StreamingText({ smooth: options.smooth, schedule }));
  // Before paint, so a message that is already complete never flashes empty.
  useIsomorphicLayoutEffect(() => {
    streaming.setSource(source);
    streaming.flush();
  }, [streaming, source]);
  useEffect(() => streaming.attach(), [streaming]);
  return useStore(streaming);
}

'use client';
import { createContext, useContext } from 'react';

/**
 * Instrumentation for tests and benchmarks: every memoized piece of a rendered markdown document
 * reports each of its renders here. Without a provider it costs one context read.
 */
export interface MarkdownRenderEvent {
  readonly kind: 'block' | 'chunk' | 'code-group';
  readonly key: string;
}

export type MarkdownRenderProbe = (event: MarkdownRenderEvent) => void;

export const MarkdownRenderProbeContext = createContext<MarkdownRenderProbe | null>(null);

export function useRenderProbe(kind: MarkdownRenderEvent['kind'], key: string): void {
  const probe = useContext(MarkdownRenderProbeContext);
  probe?.({ kind, key });
}

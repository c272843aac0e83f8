'use client';
import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import type * as MarkdownStreamModule from './markdown-stream';

export type MarkdownParser = typeof MarkdownStreamModule;

let loaded: MarkdownParser | undefined;
let loading: Promise<MarkdownParser> | undefined;
const listeners = new Set<() => void>();

/**
 * Loads the markdown parser (markdown-it and the streaming parser on it: most of this package's
 * weight) once, on demand. `<Markdown>` asks for it when it first renders and a chat when it mounts,
 * so an app's first paint does not wait for it; call it yourself to start earlier (on a route's load,
 * say). A failed load is tried again on the next call.
 */
export function loadMarkdownParser(): Promise<MarkdownParser> {
  loading ??= import('./markdown-stream').then(
    (module) => {
      loaded = module;
      for (const listener of listeners) listener();
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The store never notifies on its own: the parser's arrival is announced as a transition (below). */
const subscribeNone = () => () => {};

/**
 * The parser once loaded, else undefined. Server rendering and hydration see undefined (plain text),
 * so the markup matches; the client renders the formatted version right after. The parser's arrival
 * re-renders every waiting `<Markdown>` in a transition: a restored conversation of a thousand answers
 * is formatted in slices between frames, not in one long task that blocks typing and scrolling.
 */
export function useMarkdownParser(): MarkdownParser | undefined {
  const parser = useSyncExternalStore(
    subscribeNone,
    () => loaded,
    () => undefined,
  );
  const [, setArrived] = useState(false);
  useEffect(() => {
    if (parser) return;
    const arrive = () => startTransition(() => setArrived(true));
    // Loaded between this render and this effect: nothing will announce it any more.
    if (loaded) {
      arrive();
      return;
    }
    listeners.add(arrive);
    return () => {
      listeners.delete(arrive);
    };
  }, [parser]);
  return parser;
}

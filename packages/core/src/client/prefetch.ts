let prefetched = false;

/**
 * Loads the client's code (the transport, the Interactions API, the stream's decoder and reducer) once the
 * browser is idle, so that the first request does not wait for it. Conversations and interaction
 * controllers call it when a view starts using them; a failed load is left to the first request to retry.
 */
export function prefetchClient(): void {
  if (prefetched) return;
  prefetched = true;
  const whenIdle =
    (globalThis as { requestIdleCallback?: (task: () => void) => unknown }).requestIdleCallback ??
    ((task: () => void) => setTimeout(task, 1));
  whenIdle(() => {
    import('./client-apis.js').catch(() => {});
    import('./interaction-stream.js').catch(() => {});
  });
}

let prefetched = false;

/**
 * Loads the client's code (the transport, the Interactions API, the stream's decoder and reducer) once the
 * browser is idle, so that the first request does not wait for it. Conversations and interaction
 * controllers call it when a view starts using them; a failed load is left to the first request to retry.
 */
export function prefetchClient(): void {
  if (prefetched) return;
  prefetched = true;
  const load = () => {
    import('./client-apis.js').catch(() => {});
    import('./interaction-stream.js').catch(() => {});
  };
  const scope = globalThis as {
    requestIdleCallback?: (task: () => void, options: { timeout: number }) => unknown;
  };
  // A page busy frame after frame may have no idle time for long: two seconds at most, then anyway.
  if (scope.requestIdleCallback) scope.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 1);
}

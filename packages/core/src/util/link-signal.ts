/**
 * Makes `controller` abort when `signal` does; returns the unlink. (AbortSignal.any would do, but
 * it is missing from some edge runtimes and older Safari, and it cannot be unlinked.)
 */
export function linkSignal(signal: AbortSignal | undefined, controller: AbortController): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {};
  }
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

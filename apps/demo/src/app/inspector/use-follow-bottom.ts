import { type RefObject, useLayoutEffect, useRef } from 'react';

/**
 * Keeps a scrolling panel pinned to its bottom while content arrives, as long as the reader is there; scrolling
 * up stops it, scrolling back down resumes it. `content` undefined: nothing is arriving, leave the panel be.
 * Returns the scroll handler to put on the panel.
 */
export function useFollowBottom(panel: RefObject<HTMLElement | null>, content: unknown): () => void {
  const following = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the content changes, by design.
  useLayoutEffect(() => {
    const element = panel.current;
    if (content !== undefined && element && following.current) element.scrollTop = element.scrollHeight;
  }, [content]);
  return () => {
    const element = panel.current;
    if (element) following.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
  };
}

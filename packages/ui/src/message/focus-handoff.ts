'use client';
import { createContext, type RefObject, useContext, useEffect } from 'react';

/**
 * Switching a branch, editing or regenerating replaces the message in view by a sibling (another
 * element), which would drop keyboard focus to the page. Before acting, a message leaves word here
 * (its parent and the controls to focus); the sibling that mounts in its place takes the focus:
 * on the same control when it has one, else on the message itself.
 */
export interface FocusHandoff {
  parentId: string | null;
  /** The controls to focus, first enabled one wins (the same button may be disabled in the sibling). */
  controls: readonly string[];
}

export const FocusHandoffContext = createContext<{ current: FocusHandoff | null } | null>(null);

export function useFocusHandoff() {
  return useContext(FocusHandoffContext);
}

/** Leaves word that the message with this parent is about to be replaced: call it before acting. */
export function useHandOff(parentId: string | null) {
  const handoff = useFocusHandoff();
  return (controls: readonly string[]) => {
    if (handoff) handoff.current = { parentId, controls };
  };
}

/** Takes the focus handed to a message with this parent when it mounts. */
export function useReceiveFocus(parentId: string | null, root: RefObject<HTMLElement | null>) {
  const handoff = useFocusHandoff();
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on mount: a new sibling takes over.
  useEffect(() => {
    const pending = handoff?.current;
    const element = root.current;
    if (!pending || !element || pending.parentId !== parentId) return;
    handoff.current = null;
    const control = pending.controls
      .map((key) => element.querySelector<HTMLElement>(`[data-focus-key="${key}"]:not(:disabled)`))
      .find((found) => found !== null);
    (control ?? element).focus();
  }, []);
}

/** After a branch switch: the same arrow, or the other one when the sibling is at the end. */
export const branchControls = (to: 'prev' | 'next') =>
  to === 'prev' ? ['branch-prev', 'branch-next'] : ['branch-next', 'branch-prev'];

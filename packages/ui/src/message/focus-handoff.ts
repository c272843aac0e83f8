'use client';
import { createContext, type RefObject, useContext, useEffect } from 'react';

/**
 * Switching a branch, editing or regenerating replaces the message in view by a sibling (another
 * element), which would drop keyboard focus to the page. Before acting, a message leaves word here
 * (its parent and the control that was used); the sibling that mounts in its place takes the focus:
 * on the same control when it has one, else on the message itself.
 */
export interface FocusHandoff {
  parentId: string | null;
  control: string;
}

export const FocusHandoffContext = createContext<{ current: FocusHandoff | null } | null>(null);

export function useFocusHandoff() {
  return useContext(FocusHandoffContext);
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
    const control = element.querySelector<HTMLElement>(
      `[data-focus-key="${pending.control}"]:not(:disabled)`,
    );
    (control ?? element).focus();
  }, []);
}

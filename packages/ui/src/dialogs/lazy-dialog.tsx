'use client';
import {
  cloneElement,
  type MouseEvent,
  type ReactElement,
  type Ref,
  type RefObject,
  useCallback,
  useRef,
  useState,
} from 'react';

export interface DialogStateOptions {
  open?: boolean | undefined;
  defaultOpen?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** Runs as the dialog opens (before the render that shows it). */
  onOpening?: (() => void) | undefined;
}

/**
 * Open state for a dialog whose body (and Radix with it) loads on first use: the trigger is plain
 * markup, so a chat that never opens its settings never downloads the dialog code. `mounted` turns
 * true on the first opening and stays true, so closing animates and reopening is instant.
 */
export function useDialogState({ open, defaultOpen = false, onOpenChange, onOpening }: DialogStateOptions) {
  const [uncontrolled, setUncontrolled] = useState(defaultOpen);
  const isOpen = open ?? uncontrolled;
  const [mounted, setMounted] = useState(isOpen);
  if (isOpen && !mounted) setMounted(true);
  const triggerRef = useRef<HTMLElement | null>(null);
  const setOpen = (next: boolean) => {
    if (next) onOpening?.();
    setUncontrolled(next);
    onOpenChange?.(next);
  };
  return { open: isOpen, mounted, setOpen, triggerRef };
}

export interface DialogTriggerProps {
  /** The button that opens the dialog (the app's own, or the default one). */
  element: ReactElement;
  open: boolean;
  onOpen: () => void;
  /** Starts loading the dialog's code, on hover or focus, so the first opening does not wait. */
  preload: () => void;
  triggerRef: RefObject<HTMLElement | null>;
}

type TriggerProps = {
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  onPointerEnter?: (event: unknown) => void;
  onFocus?: (event: unknown) => void;
  ref?: Ref<HTMLElement>;
};

/** Gives the trigger element the dialog's ARIA state, its click, preloading and our ref. */
export function DialogTrigger({ element, open, onOpen, preload, triggerRef }: DialogTriggerProps) {
  const own = element.props as TriggerProps;
  const setRef = useCallback(
    (node: HTMLElement | null) => {
      triggerRef.current = node;
      const theirs = own.ref;
      if (typeof theirs === 'function') theirs(node);
      else if (theirs) (theirs as { current: HTMLElement | null }).current = node;
    },
    [own.ref, triggerRef],
  );
  return cloneElement(element as ReactElement<TriggerProps & Record<string, unknown>>, {
    ref: setRef,
    'aria-haspopup': 'dialog',
    'aria-expanded': open,
    onClick: (event: MouseEvent<HTMLElement>) => {
      own.onClick?.(event);
      if (!event.defaultPrevented) onOpen();
    },
    onPointerEnter: (event: unknown) => {
      own.onPointerEnter?.(event);
      preload();
    },
    onFocus: (event: unknown) => {
      own.onFocus?.(event);
      preload();
    },
  });
}

/** Radix returns focus to its own Trigger; ours is plain markup, so focus goes back to it here. */
export function returnFocusTo(trigger: RefObject<HTMLElement | null>) {
  return (event: Event) => {
    if (!trigger.current?.isConnected) return;
    event.preventDefault();
    trigger.current.focus();
  };
}

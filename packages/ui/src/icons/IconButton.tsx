'use client';
import { type ButtonHTMLAttributes, forwardRef, type ReactNode } from 'react';

export interface IconButtonProps
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'title'> {
  /** The accessible name, also shown as the tooltip. */
  label: string;
  /** An icon from ./icons (hidden from assistive technology: the label names the button). */
  children: ReactNode;
  /** Where keyboard focus goes when this message is replaced by a sibling (see focus-handoff). */
  focusKey?: string;
}

/**
 * A button that shows only an icon: named by `label` for screen readers and as a tooltip. A
 * forwardRef, so refs reach it under React 18 as well as 19 (the dialogs' triggers need one).
 */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, children, focusKey, className, ...button },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      {...button}
      className={className ? `gk-icon-button ${className}` : 'gk-icon-button'}
      aria-label={label}
      title={label}
      data-focus-key={focusKey}
    >
      {children}
    </button>
  );
});

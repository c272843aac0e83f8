'use client';
import { createContext, useContext } from 'react';

/**
 * Where dialogs portal to: the chat's root element when there is one, so that a dialog inherits the
 * chat's theme (`data-theme`, overridden variables) and stays inside the styled scope; else the body.
 */
export const PortalContainerContext = createContext<HTMLElement | null>(null);

export function usePortalContainer(): HTMLElement | undefined {
  return useContext(PortalContainerContext) ?? undefined;
}

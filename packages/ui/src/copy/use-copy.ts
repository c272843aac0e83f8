'use client';
import { useEffect, useRef, useState } from 'react';
import { copyText } from './copy-text';

export type CopyState = 'idle' | 'copied' | 'failed';

/** How long the confirmation stays before a copy button returns to its idle look. */
const CONFIRMATION_MS = 2000;

/** The state behind a copy button: `copy()` writes to the clipboard and shows the outcome for a while. */
export function useCopy(getText: () => string): { state: CopyState; copy: () => Promise<void> } {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    let next: CopyState;
    try {
      await copyText(getText());
      next = 'copied';
    } catch {
      next = 'failed';
    }
    setState(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), CONFIRMATION_MS);
  }
  return { state, copy };
}

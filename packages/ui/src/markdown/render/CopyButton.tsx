'use client';
import { useEffect, useRef, useState } from 'react';
import { useGemkitStrings } from '../../strings/strings-context';
import { copyText } from './copy-text';

type CopyState = 'idle' | 'copied' | 'failed';

/** How long the confirmation stays before the button returns to its idle label. */
const CONFIRMATION_MS = 2000;

/**
 * A copy button with an accessible label; the outcome is announced through a polite live region
 * (visually hidden) and shown as the button's text.
 */
export function CopyButton({ getText }: { getText: () => string }) {
  const strings = useGemkitStrings();
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function onClick() {
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

  const message = state === 'copied' ? strings.codeCopied : state === 'failed' ? strings.codeCopyFailed : '';
  return (
    <>
      <button
        type="button"
        className="gk-md-copy"
        aria-label={strings.copyCode}
        data-state={state}
        onClick={onClick}
      >
        <span aria-hidden="true">{state === 'idle' ? strings.copyCode : message}</span>
      </button>
      <span className="gk-visually-hidden" role="status">
        {message}
      </span>
    </>
  );
}

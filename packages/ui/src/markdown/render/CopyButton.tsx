'use client';
import { useCopy } from '../../copy/use-copy';
import { useGemkitStrings } from '../../strings/strings-context';

/**
 * A copy button with an accessible label; the outcome is announced through a polite live region
 * (visually hidden) and shown as the button's text.
 */
export function CopyButton({ getText }: { getText: () => string }) {
  const strings = useGemkitStrings();
  const { state, copy } = useCopy(getText);
  const message = state === 'copied' ? strings.codeCopied : state === 'failed' ? strings.codeCopyFailed : '';
  return (
    <>
      <button
        type="button"
        className="gk-md-copy"
        aria-label={strings.copyCode}
        data-state={state}
        onClick={copy}
      >
        <span aria-hidden="true">{state === 'idle' ? strings.copyCode : message}</span>
      </button>
      <span className="gk-visually-hidden" role="status">
        {message}
      </span>
    </>
  );
}

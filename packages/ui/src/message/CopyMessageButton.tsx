'use client';
import { useCopy } from '../copy/use-copy';
import { IconButton } from '../icons/IconButton';
import { CheckIcon, CopyIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';

/** Copies a message's text (the markdown source of an answer); the outcome is announced politely. */
export function CopyMessageButton({ text }: { text: string }) {
  const strings = useGemkitStrings();
  const { state, copy } = useCopy(() => text);
  const outcome = state === 'copied' ? strings.copied : state === 'failed' ? strings.copyFailed : '';
  return (
    <>
      <IconButton label={strings.copy} data-state={state} onClick={copy}>
        {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
      </IconButton>
      <span className="gk-visually-hidden" role="status">
        {outcome}
      </span>
    </>
  );
}

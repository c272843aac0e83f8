'use client';
import { useId, useState } from 'react';
import { ChevronDownIcon, SparkIcon } from '../icons/icons';
import { Markdown } from '../markdown/Markdown';
import { useGemkitStrings } from '../strings/strings-context';

export interface ThoughtSummaryProps {
  /** The thought summaries so far. */
  text: string;
  /** The model is still thinking: the label says so, and the open summary streams. */
  streaming?: boolean;
  defaultOpen?: boolean;
  className?: string;
}

/**
 * The model's thinking, collapsed behind a disclosure button. Collapsed, the summary is not rendered
 * at all, so streaming thoughts cost nothing until the reader asks for them.
 */
export function ThoughtSummary({
  text,
  streaming = false,
  defaultOpen = false,
  className,
}: ThoughtSummaryProps) {
  const strings = useGemkitStrings();
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  return (
    <div
      className={className ? `gk-root gk-thoughts ${className}` : 'gk-root gk-thoughts'}
      data-streaming={streaming ? 'true' : undefined}
      data-open={open ? 'true' : undefined}
    >
      <button
        type="button"
        className="gk-thoughts-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen(!open)}
      >
        <SparkIcon />
        <span className="gk-thoughts-label">{streaming ? strings.thinking : strings.thoughts}</span>
        <ChevronDownIcon />
      </button>
      <div id={bodyId} className="gk-thoughts-body" hidden={!open}>
        {open && (
          <Markdown streaming={streaming} highlight={false}>
            {text}
          </Markdown>
        )}
      </div>
    </div>
  );
}

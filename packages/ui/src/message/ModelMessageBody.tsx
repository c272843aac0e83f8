'use client';
import type { ModelMessage } from '@gemkit/react';
import { useId, useState } from 'react';
import { MessageMarkdownProbe } from '../chat/render-probe';
import { IconButton } from '../icons/IconButton';
import { RegenerateIcon, UsageIcon } from '../icons/icons';
import { Markdown } from '../markdown/Markdown';
import { useGemkitStrings } from '../strings/strings-context';
import { answerText } from './answer-text';
import { BranchSwitcher } from './BranchSwitcher';
import { CopyMessageButton } from './CopyMessageButton';
import { ErrorAlert } from './ErrorAlert';
import { useHandOff } from './focus-handoff';
import type { MessageBodyProps } from './message-body-props';
import { ThoughtSummary } from './ThoughtSummary';
import { ToolCalls } from './ToolCalls';
import { UsageDetails } from './UsageDetails';

/** An answer: thinking, the markdown, its status (streaming, stopped, failed), and its actions. */
export function ModelMessageBody({ message, branch, isLast, actions }: MessageBodyProps<ModelMessage>) {
  const strings = useGemkitStrings();
  const handOff = useHandOff(message.parentId);
  const [showUsage, setShowUsage] = useState(false);
  const usageId = useId();
  const inFlight = message.status === 'submitted' || message.status === 'streaming';
  const hasText = message.text !== '';
  // The conversation tells about streamed text ten times a second (`streamingUpdateMs`), not at every frame.
  const shownText = answerText(message);
  const retry = isLast ? actions?.retry : undefined;

  const regenerate = () => {
    handOff(['regenerate']);
    actions?.regenerate(message.id);
  };

  return (
    <MessageMarkdownProbe messageId={message.id}>
      {message.thoughts && <ThoughtSummary text={message.thoughts} streaming={inFlight && !hasText} />}
      <ToolCalls message={message} actions={isLast ? actions : undefined} />
      {shownText !== '' && <Markdown streaming={inFlight}>{shownText}</Markdown>}
      {inFlight && (
        <p className="gk-message-progress">
          {/* Only until the first words: once text streams in, it shows the progress itself, and an endless
              animation would have the browser restyle the page at every frame of a long answer. */}
          {!hasText && (
            <span className="gk-dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
          )}
          <span className="gk-visually-hidden">{strings.generating}</span>
        </p>
      )}
      {message.status === 'cancelled' && (
        <p className="gk-message-note">
          <span>{strings.stopped}</span>
          {retry && (
            <button type="button" className="gk-button" onClick={retry}>
              {strings.retry}
            </button>
          )}
        </p>
      )}
      {message.status === 'error' && message.error && <ErrorAlert error={message.error} onRetry={retry} />}
      {!inFlight && (hasText || message.status !== 'error') && (
        <div className="gk-message-actions">
          {branch && branch.count > 1 && actions && (
            <BranchSwitcher message={message} branch={branch} actions={actions} />
          )}
          {hasText && <CopyMessageButton text={message.text} />}
          {actions && (
            <IconButton label={strings.regenerate} focusKey="regenerate" onClick={regenerate}>
              <RegenerateIcon />
            </IconButton>
          )}
          {message.usage && (
            <IconButton
              label={showUsage ? strings.hideUsage : strings.showUsage}
              aria-expanded={showUsage}
              aria-controls={usageId}
              onClick={() => setShowUsage(!showUsage)}
            >
              <UsageIcon />
            </IconButton>
          )}
        </div>
      )}
      {message.usage && !inFlight && (
        <div id={usageId} hidden={!showUsage}>
          {showUsage && <UsageDetails usage={message.usage} />}
        </div>
      )}
    </MessageMarkdownProbe>
  );
}

'use client';
import type { BranchInfo, ModelMessage } from '@gemkit/react';
import { useId, useState } from 'react';
import { MessageMarkdownProbe } from '../chat/render-probe';
import { RegenerateIcon, UsageIcon } from '../icons/icons';
import { Markdown } from '../markdown/Markdown';
import { useGemkitStrings } from '../strings/strings-context';
import { BranchSwitcher } from './BranchSwitcher';
import { CopyMessageButton } from './CopyMessageButton';
import { ErrorAlert } from './ErrorAlert';
import { branchControls, useFocusHandoff } from './focus-handoff';
import type { MessageActions } from './message-actions';
import { ThoughtSummary } from './ThoughtSummary';
import { UsageDetails } from './UsageDetails';

interface Props {
  message: ModelMessage;
  branch: BranchInfo | undefined;
  isLast: boolean;
  actions: MessageActions | undefined;
}

/** An answer: thinking, the markdown, its status (streaming, stopped, failed), and its actions. */
export function ModelMessageBody({ message, branch, isLast, actions }: Props) {
  const strings = useGemkitStrings();
  const handoff = useFocusHandoff();
  const [showUsage, setShowUsage] = useState(false);
  const usageId = useId();
  const inFlight = message.status === 'submitted' || message.status === 'streaming';
  const hasText = message.text !== '';
  const retry = isLast ? actions?.retry : undefined;

  const switchBranch = (to: 'prev' | 'next') => {
    if (handoff) handoff.current = { parentId: message.parentId, controls: branchControls(to) };
    actions?.switchBranch(message.id, to);
  };
  const regenerate = () => {
    if (handoff) handoff.current = { parentId: message.parentId, controls: ['regenerate'] };
    actions?.regenerate(message.id);
  };

  return (
    <MessageMarkdownProbe messageId={message.id}>
      {message.thoughts && <ThoughtSummary text={message.thoughts} streaming={inFlight && !hasText} />}
      {hasText && <Markdown streaming={inFlight}>{message.text}</Markdown>}
      {inFlight && (
        <p className="gk-message-progress">
          <span className="gk-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
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
            <BranchSwitcher branch={branch} onSwitch={switchBranch} />
          )}
          {hasText && <CopyMessageButton text={message.text} />}
          {actions && (
            <button
              type="button"
              className="gk-icon-button"
              aria-label={strings.regenerate}
              title={strings.regenerate}
              data-focus-key="regenerate"
              onClick={regenerate}
            >
              <RegenerateIcon />
            </button>
          )}
          {message.usage && (
            <button
              type="button"
              className="gk-icon-button"
              aria-label={showUsage ? strings.hideUsage : strings.showUsage}
              title={showUsage ? strings.hideUsage : strings.showUsage}
              aria-expanded={showUsage}
              aria-controls={usageId}
              onClick={() => setShowUsage(!showUsage)}
            >
              <UsageIcon />
            </button>
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

'use client';
import type { BranchInfo, Message as ChatMessage } from '@gemkit/react';
import { memo, useId, useRef } from 'react';
import { useChatRenderProbe } from '../chat/render-probe';
import { useGemkitStrings } from '../strings/strings-context';
import { useReceiveFocus } from './focus-handoff';
import { ModelMessageBody } from './ModelMessageBody';
import type { MessageActions } from './message-actions';
import { type RenderToolCall, ToolCallRenderContext } from './tool-call-render';
import { UserMessageBody } from './UserMessageBody';

export interface MessageProps {
  /** A user or model message from `conversation.messages`. */
  message: ChatMessage;
  /** `conversation.branches[message.id]`: shows ‹ 2/3 › when the message has siblings. */
  branch?: BranchInfo | undefined;
  /** The last shown message: only the last turn can be retried. */
  isLast?: boolean;
  /** From `useMessageActions(conversation)`; without it, the buttons that need it are not shown. */
  actions?: MessageActions | undefined;
  /** Renders a function call of this message in place of the built-in block (see `RenderToolCall`). */
  renderToolCall?: RenderToolCall | undefined;
  className?: string;
}

/**
 * One turn of the conversation. Memoized: the hook keeps an unchanged message the same object, so
 * while an answer streams only its own message renders again.
 */
export const Message = memo(function Message({
  message,
  branch,
  isLast = false,
  actions,
  renderToolCall,
  className,
}: MessageProps) {
  useChatRenderProbe('message', message.id);
  const strings = useGemkitStrings();
  const headingId = useId();
  const root = useRef<HTMLElement>(null);
  useReceiveFocus(message.parentId, root);
  const isModel = message.role === 'model';
  const inFlight = isModel && (message.status === 'submitted' || message.status === 'streaming');
  const classes = `gk-root gk-message gk-message-${message.role}${className ? ` ${className}` : ''}`;
  return (
    <article
      ref={root}
      className={classes}
      data-message-id={message.id}
      data-status={message.status}
      aria-labelledby={headingId}
      aria-busy={inFlight || undefined}
      tabIndex={-1}
    >
      <h3 id={headingId} className="gk-visually-hidden">
        {isModel ? strings.modelLabel : strings.userLabel}
      </h3>
      {message.role === 'model' ? (
        renderToolCall ? (
          <ToolCallRenderContext.Provider value={renderToolCall}>
            <ModelMessageBody message={message} branch={branch} isLast={isLast} actions={actions} />
          </ToolCallRenderContext.Provider>
        ) : (
          <ModelMessageBody message={message} branch={branch} isLast={isLast} actions={actions} />
        )
      ) : (
        <UserMessageBody message={message} branch={branch} isLast={isLast} actions={actions} />
      )}
    </article>
  );
});

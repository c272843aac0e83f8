import type { UseConversationResult } from '@gemkit/react';
import { Message } from '../message/Message';
import { useMessageActions } from '../message/message-actions';
import type { RenderToolCall } from '../message/tool-call-render';

/** A conversation's messages as bare `<Message>`s (no list, no composer): for the Message stories. */
export function LiveMessages({
  conversation,
  renderToolCall,
}: {
  conversation: UseConversationResult;
  renderToolCall?: RenderToolCall;
}) {
  const actions = useMessageActions(conversation);
  const last = conversation.messages.length - 1;
  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: '1.25em', maxWidth: '48rem', margin: '0 auto' }}
    >
      {conversation.messages.map((message, index) => (
        <Message
          key={message.id}
          message={message}
          branch={conversation.branches[message.id]}
          isLast={index === last}
          actions={actions}
          renderToolCall={renderToolCall}
        />
      ))}
    </div>
  );
}

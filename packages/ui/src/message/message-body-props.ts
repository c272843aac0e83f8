import type { BranchInfo, Message } from '@gemkit/react';
import type { MessageActions } from './message-actions';

/** What `<Message>` hands the body of a user or a model message. */
export interface MessageBodyProps<M extends Message> {
  message: M;
  branch: BranchInfo | undefined;
  isLast: boolean;
  actions: MessageActions | undefined;
}

import { buildTurnRequest, type Message, type RequestSettings, type UserMessage } from '@gemkit/core';
import type { UseConversationResult } from '@gemkit/react';
import { JsonView } from './JsonView';

const PLACEHOLDER = '(your next message)';

/**
 * The history as the next turn will send it, computed by @gemkit/core's own request builder: in stateless
 * mode the whole conversation as steps (`store: false`), in stateful mode a `previous_interaction_id`.
 */
export function NextRequestView({
  chat,
  settings,
}: {
  chat: UseConversationResult;
  settings: RequestSettings;
}) {
  const next: UserMessage = {
    id: 'next',
    role: 'user',
    parentId: chat.messages.at(-1)?.id ?? null,
    createdAt: 0,
    steps: [],
    text: PLACEHOLDER,
    content: [{ type: 'text', text: PLACEHOLDER }],
    attachments: [],
    status: 'pending',
  };
  const lineage: Message[] = [...chat.messages, next];
  let request: unknown;
  try {
    request = buildTurnRequest(chat.mode, { stream: true, ...settings }, lineage);
  } catch (error) {
    request = error instanceof Error ? error.message : String(error);
  }
  const steps = Array.isArray((request as { input?: unknown }).input)
    ? (request as { input: unknown[] }).input.length
    : 0;
  return (
    <div className="demo-next-request">
      <p className="demo-inspector-note">
        {chat.mode === 'stateless'
          ? `Stateless: nothing is stored on the server. This browser keeps the history and sends it all, ${steps} steps with your next message, as \`input\` with \`store: false\`.`
          : 'Stateful: the server keeps the history. The next turn names the last completed one with `previous_interaction_id` and sends only the new message.'}
      </p>
      <JsonView value={request} />
    </div>
  );
}

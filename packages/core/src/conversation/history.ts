import { UsageError } from '../errors.js';
import type {
  Content,
  CreateInteractionRequest,
  InteractionInput,
  Step,
  UserInputStep,
} from '../wire/index.js';
import type { Message, ModelMessage, UserMessage } from './message.js';
import type { RequestSettings } from './settings.js';

/**
 * `stateful`: the server keeps the history; each turn names the last one by `previous_interaction_id`.
 * `stateless`: nothing is stored (`store: false`); each turn sends the whole history as steps.
 */
export type ConversationMode = 'stateful' | 'stateless';

/** The `user_input` step a user message is sent as: attachments first (as the docs advise), then the text. */
export function userInputStep(message: Pick<UserMessage, 'content' | 'attachments'>): UserInputStep {
  const media = message.attachments.flatMap((attachment) => (attachment.content ? [attachment.content] : []));
  return { type: 'user_input', content: [...media, ...message.content] };
}

/**
 * The request for the turn that answers the last message of `lineage` (a user message).
 *
 * Only completed turns are history: a failed or stopped turn stays in the conversation for the user to retry,
 * but the model never saw it completed, and in stateful mode its interaction must not be pointed at.
 */
export function buildTurnRequest(
  mode: ConversationMode,
  settings: RequestSettings,
  lineage: readonly Message[],
): CreateInteractionRequest {
  const user = lineage[lineage.length - 1];
  if (user?.role !== 'user') throw new UsageError('A turn answers a user message');
  const { model, store: _store, ...rest } = settings;
  if (!model) throw new UsageError('No model: set `model` on the conversation, the hook or the provider');
  const turns = completedTurns(lineage.slice(0, -1));
  const step = userInputStep(user);
  const request: CreateInteractionRequest = { ...rest, model };

  if (mode === 'stateless') {
    return { ...request, store: false, input: [...historySteps(turns), step] };
  }
  const anchor = turns[turns.length - 1]?.model;
  if (anchor?.stored && anchor.interactionId) {
    return {
      ...request,
      previous_interaction_id: anchor.interactionId,
      input: simplestInput(step.content ?? []),
    };
  }
  // No stored turn to point at (the history so far was stateless): send it once as steps; the server keeps
  // this turn, and the next ones point at it.
  return {
    ...request,
    input: turns.length > 0 ? [...historySteps(turns), step] : simplestInput(step.content ?? []),
  };
}

interface Turn {
  user: UserMessage;
  model: ModelMessage;
}

function completedTurns(messages: readonly Message[]): Turn[] {
  const turns: Turn[] = [];
  messages.forEach((message, i) => {
    const previous = messages[i - 1];
    if (message.role === 'model' && message.status === 'completed' && previous?.role === 'user') {
      turns.push({ user: previous, model: message });
    }
  });
  return turns;
}

function historySteps(turns: readonly Turn[]): Step[] {
  return turns.flatMap(({ user, model }) => [userInputStep(user), ...model.steps]);
}

/** A lone text goes as a plain string, as in the API's own examples; anything else as content blocks. */
function simplestInput(content: readonly Content[]): InteractionInput {
  const only = content[0];
  return content.length === 1 && only?.type === 'text' ? only.text : [...content];
}

import type { AnyGemkitError } from '../errors.js';
import { isBlob } from './input.js';
import type { Attachment, Message } from './message.js';
import { reviveError, type SerializedError } from './revive-error.js';
import { MessageTree, type SerializedTree } from './tree.js';

/** A conversation as plain data: what persistence adapters save. Versioned, so a later format can migrate. */
export interface SerializedConversation {
  version: 1;
  id: string;
  messages: SerializedMessage[];
  /** For a parent id ('' for the first messages), the branch shown. */
  selected: Record<string, string>;
}

/** A message with its error as plain data, and attachments' bytes kept only where still needed. */
export type SerializedMessage = Message extends infer M
  ? M extends Message
    ? Omit<M, 'error' | 'attachments'> & {
        error?: SerializedError;
        attachments?: (Omit<Attachment, 'error' | 'file'> & { error?: SerializedError; file?: Blob })[];
      }
    : never
  : never;

export function serializeTree(id: string, tree: MessageTree): SerializedConversation {
  const { messages, selected } = tree.toJSON();
  return { version: 1, id, messages: messages.map(serializeMessage), selected };
}

function serializeMessage(message: Message): SerializedMessage {
  if (message.role === 'model') {
    const { error, ...rest } = message;
    return error ? { ...rest, error: errorData(error) } : rest;
  }
  return {
    ...message,
    attachments: message.attachments.map(({ error, file, ...attachment }) => ({
      ...attachment,
      ...(error ? { error: errorData(error) } : {}),
      // A sent attachment lives on as its uri or inline data; the bytes are kept only for a retry.
      ...(file && attachment.status !== 'ready' ? { file } : {}),
    })),
  };
}

const errorData = (error: AnyGemkitError): SerializedError => error.toJSON();

/**
 * Rebuilds the tree from saved data. Anything that does not look like a saved conversation (another version,
 * a hand-edited value) yields undefined rather than a half-built tree.
 */
export function deserializeTree(data: unknown): MessageTree | undefined {
  const saved = data as Partial<SerializedConversation> | null;
  if (typeof saved !== 'object' || saved === null || saved.version !== 1 || !Array.isArray(saved.messages)) {
    return undefined;
  }
  const messages = saved.messages.filter(isMessageLike).map(reviveMessage);
  const selected = typeof saved.selected === 'object' && saved.selected !== null ? saved.selected : {};
  return MessageTree.fromJSON({ messages, selected } satisfies SerializedTree);
}

function isMessageLike(value: unknown): value is SerializedMessage {
  const message = value as Partial<SerializedMessage> | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof message.id === 'string' &&
    (message.role === 'user' || message.role === 'model') &&
    Array.isArray(message.steps)
  );
}

function reviveMessage(message: SerializedMessage): Message {
  if (message.role === 'model') {
    return { ...message, error: reviveError(message.error) } as Message;
  }
  const attachments = (message.attachments ?? []).map((attachment) => ({
    ...attachment,
    error: reviveError(attachment.error),
    // JSON storage turns a Blob into {}: only a real Blob is bytes.
    file: isBlob(attachment.file) ? attachment.file : undefined,
    // Saved data is not trusted: only an image data URL is shown as a thumbnail.
    thumbnail: isImageDataUrl(attachment.thumbnail) ? attachment.thumbnail : undefined,
  }));
  return { ...message, attachments } as Message;
}

const isImageDataUrl = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith('data:image/');

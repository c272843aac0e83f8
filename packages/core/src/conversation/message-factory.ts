import { userInputStep } from './history.js';
import { createId } from './ids.js';
import { type NormalizedInput, textOfContent } from './input.js';
import type { Attachment, ModelMessage, UserMessage } from './message.js';

export function createUserMessage(
  parentId: string | null,
  { content, files }: NormalizedInput,
  carriedAttachments: readonly Attachment[] = [],
): UserMessage {
  const attachments = [...carriedAttachments, ...files.map(createAttachment)];
  return {
    id: createId('msg'),
    role: 'user',
    parentId,
    createdAt: Date.now(),
    content,
    attachments,
    text: textOfContent(content),
    steps: [userInputStep({ content, attachments })],
    status: 'pending',
  };
}

export function createModelMessage(
  parentId: string,
  model: string | undefined,
  stored: boolean,
): ModelMessage {
  return {
    id: createId('msg'),
    role: 'model',
    parentId,
    createdAt: Date.now(),
    steps: [],
    text: '',
    thoughts: '',
    status: 'submitted',
    error: undefined,
    usage: undefined,
    interactionId: undefined,
    model,
    stored,
    lastEventId: undefined,
  };
}

function createAttachment(file: Blob): Attachment {
  const name = (file as Partial<File>).name;
  return {
    id: createId('att'),
    name: typeof name === 'string' ? name : undefined,
    mimeType: file.type,
    size: file.size,
    status: 'pending',
    progress: 0,
    content: undefined,
    file,
    error: undefined,
  };
}

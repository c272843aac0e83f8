import type { GemkitClient } from '../client/create-client.js';
import { toGemkitError, UsageError } from '../errors.js';
import { makeThumbnail, prepareAttachment } from './attachments.js';
import { userInputStep } from './history.js';
import { DEFAULT_INLINE_MAX_BYTES } from './lazy-attachments.js';
import type { Attachment, UserMessage } from './message.js';

export interface PrepareUserAttachmentsOptions {
  client: GemkitClient;
  inlineMaxBytes: number | undefined;
  /** Aborted when the turn is stopped: attachments then go back to `pending`, not `error`. */
  signal: AbortSignal;
}

/**
 * Uploads (or inlines) a user message's attachments that are not ready, in parallel, each change (status,
 * progress, the content to send) written back through `replace`. Rejects with the first failure, after every
 * attachment has settled. Loaded with the first attachment, as the code that reads and uploads them is.
 */
export async function prepareUserAttachments(
  current: () => UserMessage,
  replace: (message: UserMessage) => void,
  options: PrepareUserAttachmentsOptions,
): Promise<void> {
  const update = (id: string, patch: Partial<Attachment>) => replace(withAttachment(current(), id, patch));
  const pending = current().attachments.filter((attachment) => attachment.status !== 'ready');
  const results = await Promise.allSettled(
    pending.map((attachment) => prepareOne(attachment, (patch) => update(attachment.id, patch), options)),
  );
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

async function prepareOne(
  attachment: Attachment,
  update: (patch: Partial<Attachment>) => void,
  { client, inlineMaxBytes = DEFAULT_INLINE_MAX_BYTES, signal }: PrepareUserAttachmentsOptions,
): Promise<void> {
  if (!attachment.file) {
    const error = new UsageError(
      `The bytes of "${attachment.name ?? attachment.id}" are gone: attach the file again`,
    );
    update({ status: 'error', error });
    throw error;
  }
  update({ status: 'uploading', progress: 0, error: undefined });
  try {
    const [content, thumbnail] = await Promise.all([
      prepareAttachment(attachment.file, {
        client,
        inlineMaxBytes,
        signal,
        onProgress: (progress) => update({ progress }),
      }),
      attachment.thumbnail ?? makeThumbnail(attachment.file),
    ]);
    update({ status: 'ready', progress: 1, content, thumbnail });
  } catch (caught) {
    const error = toGemkitError(caught);
    // A stop is not the attachment's fault: it goes back to waiting for the next try.
    update(signal.aborted ? { status: 'pending', progress: 0 } : { status: 'error', error });
    throw error;
  }
}

/** The user message with one attachment changed, and its `user_input` step rebuilt to match. */
function withAttachment(message: UserMessage, id: string, patch: Partial<Attachment>): UserMessage {
  const attachments = message.attachments.map((a) => (a.id === id ? { ...a, ...patch } : a));
  return { ...message, attachments, steps: [userInputStep({ content: message.content, attachments })] };
}

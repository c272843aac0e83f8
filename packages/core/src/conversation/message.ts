import type { AnyGemkitError } from '../errors.js';
import type { Content, MediaContent, Step, Usage } from '../wire/index.js';

/**
 * Where a model turn is: `submitted` (sent, nothing back yet), `streaming`, then one of `completed`, `error`,
 * `cancelled` (stopped by the user), or `requires_action` (the model called a function and waits for its result).
 */
export type TurnStatus = 'submitted' | 'streaming' | 'completed' | 'error' | 'cancelled' | 'requires_action';

/** A File or Blob the user attached; uploaded through the Files API or inlined, then sent as content. */
export interface Attachment {
  id: string;
  /** The File's name, when it was a File. */
  name: string | undefined;
  mimeType: string;
  size: number;
  /** `pending` until sending starts; `ready` once `content` holds the uri or inline data to send. */
  status: 'pending' | 'uploading' | 'ready' | 'error';
  /** Upload progress from 0 to 1 (1 once ready). */
  progress: number;
  /** The image / audio / video / document content this attachment is sent as, once ready. */
  content: MediaContent | undefined;
  /** The bytes, kept in memory for previews and for a retry after a failed upload. */
  file: Blob | undefined;
  /**
   * A small image (a `data:image/…` URL, at most 256 px a side) made in the browser when an image is sent,
   * and saved with the conversation: the bytes are not, so after a reload this is what a preview shows.
   */
  thumbnail?: string | undefined;
  error: AnyGemkitError | undefined;
}

interface MessageBase {
  id: string;
  /** The message this one answers or follows; null for the first message. Siblings are branches. */
  parentId: string | null;
  createdAt: number;
  /** This message as steps on the wire: the user's `user_input` step, or the model's output steps. */
  steps: readonly Step[];
  /** The user's text, or the model's answer (the last `model_output` step's text). */
  text: string;
}

export interface UserMessage extends MessageBase {
  role: 'user';
  /** What the user wrote: text and any ready-made content (uploaded files' uris), without the attachments. */
  content: readonly Content[];
  attachments: readonly Attachment[];
  /**
   * `pending` while attachments upload and the request is on its way; `sent` once the server has named the
   * turn; `unsent` when the turn failed or was stopped before that (the input is kept: `retry()` sends it).
   */
  status: 'pending' | 'sent' | 'unsent';
}

export interface ModelMessage extends MessageBase {
  role: 'model';
  parentId: string;
  /** The thought summaries of this turn, joined ('' without thinking summaries). */
  thoughts: string;
  status: TurnStatus;
  error: AnyGemkitError | undefined;
  usage: Usage | undefined;
  /** The Interaction that produced this turn, once the server has named it. */
  interactionId: string | undefined;
  model: string | undefined;
  /** Whether the server keeps the interaction (`store` was not false): only then can a turn refer to it. */
  stored: boolean;
  /** The last stream event seen: where to resume this turn's stream (after a reload, say). */
  lastEventId: string | undefined;
  /**
   * Set once the turn went on after function results: where the output of its latest request starts in
   * `steps` (before it: the earlier requests' output and the `function_result` steps sent back).
   */
  roundStart?: number;
  /**
   * The stored interactions of this turn's earlier requests, oldest first: a turn that sent function results
   * back is one interaction per request, and `interactionId` names only the latest. For deleting them all.
   */
  earlierInteractionIds?: string[];
  /** The usage of this turn's earlier requests together; `usage` adds the latest request's to it. */
  earlierUsage?: Usage;
}

export type Message = UserMessage | ModelMessage;

/** Where a message sits among its siblings: the alternatives created by `edit` and `regenerate`. */
export interface BranchInfo {
  /** 0-based position of the shown message among its siblings, oldest first. */
  index: number;
  count: number;
  /** The sibling ids, oldest first. */
  ids: readonly string[];
}

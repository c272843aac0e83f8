import type { GemkitClient } from '../client/create-client.js';
import { type AnyGemkitError, ApiError, toGemkitError } from '../errors.js';
import type { SerializedConversation } from './serialize.js';

export interface DeleteStoredResult {
  /** Interactions deleted now, or already gone (a 404 is the state asked for). */
  deleted: string[];
  /** Interactions the server did not delete, with why: the caller may try again later. */
  failed: { id: string; error: AnyGemkitError }[];
}

/** Requests in flight at once: enough to be quick, few enough not to trip the route's rate limit. */
const CONCURRENCY = 4;

/**
 * Deletes from the server every interaction a conversation stored (stateful turns, every branch, every request
 * of a turn that called functions), for an
 * app's "delete chat" to remove the user's data where the API keeps it, not only in the browser. Stateless
 * turns were never stored and send nothing. Never rejects: what could not be deleted is in `failed`.
 */
export async function deleteStoredInteractions(
  client: GemkitClient,
  conversation: Pick<SerializedConversation, 'messages'>,
  options: { signal?: AbortSignal } = {},
): Promise<DeleteStoredResult> {
  const ids = [
    ...new Set(
      (Array.isArray(conversation?.messages) ? conversation.messages : []).flatMap((message) => {
        if (message?.role !== 'model') return [];
        // A turn that sent function results back stored one interaction per request (saved data: checked).
        const earlier = Array.isArray(message.earlierInteractionIds) ? message.earlierInteractionIds : [];
        const latest = message.stored ? [message.interactionId] : [];
        return [...earlier, ...latest].filter((id): id is string => typeof id === 'string' && id !== '');
      }),
    ),
  ];
  const result: DeleteStoredResult = { deleted: [], failed: [] };
  const next = async (): Promise<void> => {
    for (let id = ids.shift(); id !== undefined; id = ids.shift()) {
      try {
        await client.interactions.delete(id, { signal: options.signal });
        result.deleted.push(id);
      } catch (caught) {
        const error = toGemkitError(caught);
        if (error instanceof ApiError && error.status === 404) result.deleted.push(id);
        else result.failed.push({ id, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, next));
  return result;
}

import type { Content, Step } from '@gemkit/core';
import { badRequest } from '../http/errors.js';
import type { ResolvedAttachment } from '../responder/types.js';
import { type FileStore, fileIdFromUri } from '../store/files.js';
import type { InteractionStore } from '../store/interactions.js';
import { decodeBase64 } from '../util/base64.js';

const MEDIA = new Set(['image', 'audio', 'video', 'document']);

/** The steps of earlier turns a `previous_interaction_id` stands for: that turn's conversation and output. */
export function previousSteps(store: InteractionStore, previousId: string | undefined): Step[] {
  if (previousId === undefined) return [];
  const previous = store.previous(previousId);
  return structuredClone([...previous.conversation, ...(previous.interaction.steps ?? [])]);
}

/** This turn's input: the trailing steps that the model did not produce (user input, function results). */
export function currentInput(history: readonly Step[]): Step[] {
  let start = history.length;
  while (start > 0) {
    const type = history[start - 1]?.type;
    if (type !== 'user_input' && type !== 'function_result') break;
    start--;
  }
  return history.slice(start);
}

function mediaOf(step: Step): Content[] {
  const s = step as { content?: unknown; result?: unknown };
  const items = Array.isArray(s.content) ? s.content : Array.isArray(s.result) ? s.result : [];
  return (items as Content[]).filter((c) => MEDIA.has(c.type));
}

/**
 * Resolves every media input of the conversation. Media sent in this request (from `strictFrom` on)
 * must name a stored upload when its uri is a Files API reference (else 400); earlier turns are not
 * re-checked, since their files may have been deleted since.
 */
export function resolveAttachments(
  history: readonly Step[],
  options: { strictFrom: number; currentFrom: number; files: FileStore },
): ResolvedAttachment[] {
  const out: ResolvedAttachment[] = [];
  history.forEach((step, index) => {
    for (const content of mediaOf(step)) {
      const media = content as Content & { uri?: string; data?: string; mime_type?: string };
      const base = { type: media.type as ResolvedAttachment['type'], current: index >= options.currentFrom };
      if (media.data !== undefined) {
        const data = decodeBase64(media.data) ?? new Uint8Array(0);
        out.push({ ...base, source: 'inline', mimeType: media.mime_type, data, sizeBytes: data.byteLength });
        continue;
      }
      const uri = media.uri ?? '';
      const fileId = fileIdFromUri(uri);
      if (fileId === undefined) {
        out.push({ ...base, source: 'uri', uri, mimeType: media.mime_type });
        continue;
      }
      const stored = options.files.get(fileId);
      if (!stored && index >= options.strictFrom) {
        throw badRequest(
          `File '${uri}' was not found: upload it with the Files API first (it may have been deleted).`,
        );
      }
      out.push({
        ...base,
        source: 'file',
        uri,
        mimeType: media.mime_type ?? stored?.file.mimeType,
        ...(stored
          ? { file: structuredClone(stored.file), data: stored.data, sizeBytes: stored.data.byteLength }
          : {}),
      });
    }
  });
  return out;
}

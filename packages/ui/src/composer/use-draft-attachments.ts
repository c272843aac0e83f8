'use client';
import { useCallback, useRef, useState } from 'react';
import { useGemkitStrings } from '../strings/strings-context';
import { acceptsFile } from './accepts-file';

export interface DraftAttachment {
  id: number;
  file: File;
}

let nextId = 0;

/** The files attached to the draft, checked against `accept` and the limit; `notice` says what was refused. */
export function useDraftAttachments(accept: string, max: number) {
  const strings = useGemkitStrings();
  const [attachments, setState] = useState<readonly DraftAttachment[]>([]);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  // The list as of the last change, for handlers that add to it before React has rendered.
  const current = useRef<readonly DraftAttachment[]>([]);

  const set = useCallback((next: readonly DraftAttachment[]) => {
    current.current = next;
    setState(next);
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      const refused = new Set<string>();
      const next = [...current.current];
      for (const file of files) {
        if (!acceptsFile(accept, file)) refused.add(strings.attachmentRejectedType(file.name));
        else if (next.length >= max) refused.add(strings.attachmentLimit(max));
        else next.push({ id: nextId++, file });
      }
      set(next);
      setNotice(refused.size > 0 ? [...refused].join(' ') : undefined);
    },
    [accept, max, strings, set],
  );
  const remove = useCallback(
    (id: number) => set(current.current.filter((attachment) => attachment.id !== id)),
    [set],
  );

  return { attachments, set, add, remove, notice, setNotice };
}

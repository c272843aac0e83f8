'use client';
import type { MessageInput } from '@gemkit/react';
import {
  type ClipboardEvent,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  memo,
  useId,
  useRef,
  useState,
} from 'react';
import { AttachmentPreview } from '../attachments/AttachmentPreview';
import { useChatRenderProbe } from '../chat/render-probe';
import { IconButton } from '../icons/IconButton';
import { AttachIcon, SendIcon, StopIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';
import { useSavedDraft } from './saved-draft';
import { useDraftAttachments } from './use-draft-attachments';

/** What the picker offers and paste / drop take by default: what Gemini reads. */
export const DEFAULT_ACCEPT = 'image/*,application/pdf,text/*,audio/*,video/*';

export interface ComposerProps {
  /** `conversation.send`: gets the text, or `[text, ...files]`. A rejection puts the draft back. */
  onSend: (input: MessageInput) => unknown;
  /** `conversation.stop`: the Stop button, and Escape in the input. */
  onStop?: () => void;
  /** A turn is running (`conversation.isLoading`): Stop replaces Send, and Enter does not send. */
  busy?: boolean;
  /** When set, sending is off and this says why (shown, and read with the input). */
  disabledReason?: string | undefined;
  placeholder?: string | undefined;
  /** File types for the picker, paste and drop (an `<input accept>` list); `''` turns attachments off. */
  accept?: string | undefined;
  maxAttachments?: number;
  autoFocus?: boolean;
  /**
   * Keeps the unsent text in localStorage under this key (e.g. the conversation's id), so a reload or a
   * switch to another chat loses nothing; cleared when sent. Without it the draft lives in memory only.
   */
  draftKey?: string | undefined;
  className?: string;
}

const supportsFieldSizing = () => typeof CSS !== 'undefined' && CSS.supports?.('field-sizing', 'content');

/**
 * The message input. Its draft is its own state, so typing re-renders the composer alone, never the
 * list. Enter sends, Shift+Enter adds a line, Escape stops a running answer. Files come by the picker,
 * by paste and by drag and drop, with previews, and can be removed before sending.
 */
export const Composer = memo(function Composer({
  onSend,
  onStop,
  busy = false,
  disabledReason,
  placeholder,
  accept = DEFAULT_ACCEPT,
  maxAttachments = 10,
  autoFocus = false,
  draftKey,
  className,
}: ComposerProps) {
  useChatRenderProbe('composer', 'composer');
  const strings = useGemkitStrings();
  const [draft, setDraft] = useSavedDraft(draftKey);
  const [dragging, setDragging] = useState(false);
  const files = useDraftAttachments(accept, maxAttachments);
  const field = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const noticeId = useId();
  const whyId = useId();
  const attachmentsOn = accept !== '';
  const hasContent = draft.trim() !== '' || files.attachments.length > 0;
  const notice = disabledReason ?? files.notice;

  const send = () => {
    if (busy || disabledReason) return;
    if (!hasContent) {
      files.setNotice(strings.sendNeedsText);
      return;
    }
    const text = draft.trim();
    const kept = { draft, attachments: files.attachments };
    const input: MessageInput =
      kept.attachments.length > 0
        ? [...(text ? [text] : []), ...kept.attachments.map((attachment) => attachment.file)]
        : text;
    setDraft('');
    files.set([]);
    files.setNotice(undefined);
    // A turn's failure lands on its message; a rejection means the input could not be sent at all,
    // so the draft comes back rather than being lost.
    Promise.resolve()
      .then(() => onSend(input))
      .catch((error: unknown) => {
        setDraft((current) => current || kept.draft);
        files.set(kept.attachments);
        files.setNotice(error instanceof Error ? error.message : String(error));
      });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) onStop?.();
    else send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!busy) send();
    } else if (event.key === 'Escape' && busy) {
      event.preventDefault();
      onStop?.();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    if (!attachmentsOn || event.clipboardData.files.length === 0) return;
    // Keep the text of a paste that carries both (an office app copies text and a picture of it).
    if (!event.clipboardData.types.includes('text/plain')) event.preventDefault();
    files.add(event.clipboardData.files);
  };

  const carriesFiles = (event: DragEvent) => attachmentsOn && event.dataTransfer.types.includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    setDragging(false);
    if (!carriesFiles(event)) return;
    event.preventDefault();
    files.add(event.dataTransfer.files);
    field.current?.focus();
  };

  const onChange = (value: string, element: HTMLTextAreaElement) => {
    setDraft(value);
    if (files.notice) files.setNotice(undefined);
    if (!supportsFieldSizing()) {
      element.style.height = 'auto';
      element.style.height = `${element.scrollHeight}px`;
    }
  };

  const describedBy = notice ? `${hintId} ${noticeId}` : hintId;
  const sendBlocked = !busy && (!hasContent || disabledReason !== undefined);
  const whyBlocked = disabledReason ?? strings.sendNeedsText;
  return (
    <form
      className={className ? `gk-root gk-composer ${className}` : 'gk-root gk-composer'}
      data-dragging={dragging ? 'true' : undefined}
      data-busy={busy ? 'true' : undefined}
      onSubmit={onSubmit}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {files.attachments.length > 0 && (
        <ul className="gk-attachments gk-composer-attachments" aria-label={strings.attachmentsLabel}>
          {files.attachments.map(({ id, file }) => (
            <li key={id}>
              <AttachmentPreview
                name={file.name}
                mimeType={file.type}
                size={file.size}
                file={file}
                onRemove={() => {
                  files.remove(id);
                  field.current?.focus();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <div className="gk-composer-row">
        {attachmentsOn && (
          <>
            <input
              ref={picker}
              type="file"
              className="gk-visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              multiple
              accept={accept}
              onChange={(event) => {
                if (event.target.files) files.add(event.target.files);
                event.target.value = '';
              }}
            />
            <IconButton
              className="gk-composer-attach"
              label={strings.attach}
              onClick={() => picker.current?.click()}
            >
              <AttachIcon />
            </IconButton>
          </>
        )}
        <textarea
          ref={field}
          className="gk-textarea gk-composer-input"
          rows={1}
          aria-label={strings.composerLabel}
          aria-describedby={describedBy}
          aria-disabled={disabledReason !== undefined || undefined}
          readOnly={disabledReason !== undefined}
          placeholder={placeholder ?? strings.composerPlaceholder}
          // biome-ignore lint/a11y/noAutofocus: the app asks for it (a chat page, an opened chat dialog).
          autoFocus={autoFocus}
          value={draft}
          onChange={(event) => onChange(event.target.value, event.target)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        <IconButton
          type="submit"
          className="gk-composer-send"
          data-action={busy ? 'stop' : 'send'}
          label={busy ? strings.stop : strings.send}
          aria-disabled={sendBlocked || undefined}
          aria-describedby={sendBlocked ? whyId : undefined}
        >
          {busy ? <StopIcon /> : <SendIcon />}
        </IconButton>
      </div>
      <p id={hintId} className="gk-visually-hidden">
        {strings.composerHint}
      </p>
      <span id={whyId} className="gk-visually-hidden">
        {whyBlocked}
      </span>
      <p id={noticeId} className="gk-composer-notice" role="status">
        {notice}
      </p>
      {dragging && (
        <div className="gk-composer-drop" aria-hidden="true">
          {strings.dropFiles}
        </div>
      )}
    </form>
  );
});

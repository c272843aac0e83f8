'use client';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useGemkitStrings } from '../strings/strings-context';

export interface EditFormProps {
  initialText: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

/** Edits a sent message in place: Enter (or Send) answers the new version as a branch, Escape cancels. */
export function EditForm({ initialText, onSubmit, onCancel }: EditFormProps) {
  const strings = useGemkitStrings();
  const [text, setText] = useState(initialText);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = field.current;
    element?.focus();
    element?.setSelectionRange(element.value.length, element.value.length);
  }, []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim()) onSubmit(text.trim());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    <form className="gk-edit" onSubmit={submit}>
      <textarea
        ref={field}
        className="gk-textarea"
        aria-label={strings.editLabel}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="gk-edit-buttons">
        <button type="button" className="gk-button" onClick={onCancel}>
          {strings.cancelEdit}
        </button>
        <button type="submit" className="gk-button gk-button-primary" disabled={!text.trim()}>
          {strings.saveEdit}
        </button>
      </div>
    </form>
  );
}

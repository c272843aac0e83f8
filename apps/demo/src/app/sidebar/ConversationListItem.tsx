import { EditIcon } from '@gemkit/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ConversationEntry } from '../conversations/conversation-index';
import { TrashIcon } from '../icons';
import { relativeTime } from './relative-time';

export interface ConversationListItemProps {
  entry: ConversationEntry;
  selected: boolean;
  /** The time "5 minutes ago" is counted from (it ticks, so the list stays right). */
  now: number;
  onSelect: (id: string) => void;
  onRename: (id: string, title: string) => void;
  onDelete: (id: string) => void;
}

type Mode = 'view' | 'rename' | 'confirm-delete';

/** One chat: select it; rename it in place (Enter saves, Escape cancels); delete it after a confirmation. */
export function ConversationListItem({
  entry,
  selected,
  now,
  onSelect,
  onRename,
  onDelete,
}: ConversationListItemProps) {
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(entry.title);
  const input = useRef<HTMLInputElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const selectButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mode === 'rename') input.current?.select();
    if (mode === 'confirm-delete') confirm.current?.focus();
  }, [mode]);

  const finish = () => {
    setMode('view');
    // Back to the chat's own button, so keyboard users keep their place in the list.
    requestAnimationFrame(() => selectButton.current?.focus());
  };
  const submitRename = (event: FormEvent) => {
    event.preventDefault();
    onRename(entry.id, draft);
    finish();
  };

  if (mode === 'rename') {
    return (
      <li className="demo-conversation" data-selected={selected || undefined}>
        <form className="demo-rename" onSubmit={submitRename}>
          <input
            ref={input}
            className="demo-input"
            value={draft}
            aria-label="Chat name"
            maxLength={120}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={submitRename}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                setDraft(entry.title);
                finish();
              }
            }}
          />
        </form>
      </li>
    );
  }

  if (mode === 'confirm-delete') {
    return (
      <li className="demo-conversation demo-conversation-confirm" data-selected={selected || undefined}>
        <span className="demo-confirm-text">Delete “{entry.title}”?</span>
        <span className="demo-confirm-actions">
          <button
            ref={confirm}
            type="button"
            className="demo-danger-button"
            onClick={() => onDelete(entry.id)}
          >
            Delete
          </button>
          <button type="button" className="demo-plain-button" onClick={finish}>
            Cancel
          </button>
        </span>
      </li>
    );
  }

  return (
    <li className="demo-conversation" data-selected={selected || undefined}>
      <button
        ref={selectButton}
        type="button"
        className="demo-conversation-select"
        aria-current={selected ? 'page' : undefined}
        onClick={() => onSelect(entry.id)}
      >
        <span className="demo-conversation-title">{entry.title}</span>
        <span className="demo-conversation-meta">
          {relativeTime(entry.updatedAt, now)}
          {entry.settings.mode === 'stateless' ? ' · stateless' : ''}
        </span>
      </button>
      <span className="demo-conversation-actions">
        <button
          type="button"
          className="demo-icon-button"
          aria-label={`Rename “${entry.title}”`}
          title="Rename"
          onClick={() => {
            setDraft(entry.title);
            setMode('rename');
          }}
        >
          <EditIcon />
        </button>
        <button
          type="button"
          className="demo-icon-button"
          aria-label={`Delete “${entry.title}”`}
          title="Delete"
          onClick={() => setMode('confirm-delete')}
        >
          <TrashIcon />
        </button>
      </span>
    </li>
  );
}

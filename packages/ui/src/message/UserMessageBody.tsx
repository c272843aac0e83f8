'use client';
import type { Attachment, UserMessage } from '@gemkit/react';
import { useRef, useState } from 'react';
import { AttachmentPreview } from '../attachments/AttachmentPreview';
import { IconButton } from '../icons/IconButton';
import { EditIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';
import { BranchSwitcher } from './BranchSwitcher';
import { CopyMessageButton } from './CopyMessageButton';
import { EditForm } from './EditForm';
import { useHandOff } from './focus-handoff';
import type { MessageBodyProps } from './message-body-props';

/** An inlined image's own bytes as a data URL: a preview after a reload for images sent before thumbnails. */
function inlineImageUrl(content: Attachment['content']): string | undefined {
  return content?.type === 'image' && content.data && content.mime_type
    ? `data:${content.mime_type};base64,${content.data}`
    : undefined;
}

/** What the user sent: attachments (with upload progress), the text or its edit form, and actions. */
export function UserMessageBody({ message, branch, isLast, actions }: MessageBodyProps<UserMessage>) {
  const strings = useGemkitStrings();
  const handOff = useHandOff(message.parentId);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  const submitEdit = (text: string) => {
    handOff(['edit']);
    setEditing(false);
    actions?.edit(message.id, text);
  };
  const cancelEdit = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <>
      {message.attachments.length > 0 && (
        <ul className="gk-attachments" aria-label={strings.attachmentsLabel}>
          {message.attachments.map((attachment) => (
            <li key={attachment.id}>
              <AttachmentPreview
                name={attachment.name}
                mimeType={attachment.mimeType}
                size={attachment.size}
                file={attachment.file}
                thumbnail={attachment.thumbnail ?? inlineImageUrl(attachment.content)}
                progress={attachment.progress}
                status={attachment.status}
              />
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <EditForm initialText={message.text} onSubmit={submitEdit} onCancel={cancelEdit} />
      ) : (
        message.text && <p className="gk-user-text">{message.text}</p>
      )}
      {message.status === 'unsent' && <p className="gk-message-note">{strings.notSent}</p>}
      {!editing && (
        <div className="gk-message-actions">
          {branch && branch.count > 1 && actions && (
            <BranchSwitcher message={message} branch={branch} actions={actions} />
          )}
          {message.text && <CopyMessageButton text={message.text} />}
          {actions && (
            <IconButton
              ref={editButton}
              label={strings.edit}
              focusKey="edit"
              onClick={() => setEditing(true)}
            >
              <EditIcon />
            </IconButton>
          )}
          {isLast && actions && message.status === 'unsent' && (
            <button type="button" className="gk-button" onClick={actions.retry}>
              {strings.retry}
            </button>
          )}
        </div>
      )}
    </>
  );
}

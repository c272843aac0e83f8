'use client';
import type { BranchInfo, UserMessage } from '@gemkit/react';
import { useRef, useState } from 'react';
import { AttachmentPreview } from '../attachments/AttachmentPreview';
import { EditIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';
import { BranchSwitcher } from './BranchSwitcher';
import { CopyMessageButton } from './CopyMessageButton';
import { EditForm } from './EditForm';
import { branchControls, useFocusHandoff } from './focus-handoff';
import type { MessageActions } from './message-actions';

interface Props {
  message: UserMessage;
  branch: BranchInfo | undefined;
  isLast: boolean;
  actions: MessageActions | undefined;
}

/** What the user sent: attachments (with upload progress), the text or its edit form, and actions. */
export function UserMessageBody({ message, branch, isLast, actions }: Props) {
  const strings = useGemkitStrings();
  const handoff = useFocusHandoff();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  const switchBranch = (to: 'prev' | 'next') => {
    if (handoff) handoff.current = { parentId: message.parentId, controls: branchControls(to) };
    actions?.switchBranch(message.id, to);
  };
  const submitEdit = (text: string) => {
    if (handoff) handoff.current = { parentId: message.parentId, controls: ['edit'] };
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
            <BranchSwitcher branch={branch} onSwitch={switchBranch} />
          )}
          {message.text && <CopyMessageButton text={message.text} />}
          {actions && (
            <button
              ref={editButton}
              type="button"
              className="gk-icon-button"
              aria-label={strings.edit}
              title={strings.edit}
              data-focus-key="edit"
              onClick={() => setEditing(true)}
            >
              <EditIcon />
            </button>
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

'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { type RefObject, useRef } from 'react';
import { Chat, type ChatProps } from '../chat/Chat';
import { CloseIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';
import { returnFocusTo } from './lazy-dialog';

export interface ChatDialogPanelProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  chat: ChatProps;
  container: HTMLElement | undefined;
  triggerRef: RefObject<HTMLElement | null>;
}

/** The chat dialog's body on Radix: loaded on first opening (see ChatDialog). */
export default function ChatDialogPanel({
  open,
  onOpenChange,
  chat,
  container,
  triggerRef,
}: ChatDialogPanelProps) {
  const strings = useGemkitStrings();
  const content = useRef<HTMLDivElement>(null);
  const { conversation } = chat;
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="gk-root gk-dialog-overlay gk-chat-dialog-overlay">
          <Dialog.Content
            ref={content}
            className="gk-chat-dialog"
            onOpenAutoFocus={(event) => {
              event.preventDefault();
              content.current?.querySelector<HTMLElement>('.gk-composer-input')?.focus();
            }}
            onCloseAutoFocus={returnFocusTo(triggerRef)}
            onEscapeKeyDown={(event) => {
              const target = event.target as Element | null;
              if (conversation.isLoading) {
                // Escape stops a running answer first; the next one closes the dialog.
                event.preventDefault();
                conversation.stop();
              } else if (target?.closest?.('.gk-edit')) {
                // Escape in a message's edit form cancels the edit, not the dialog.
                event.preventDefault();
              }
            }}
          >
            <Dialog.Title className="gk-visually-hidden">{chat.title ?? strings.chatTitle}</Dialog.Title>
            <Dialog.Description className="gk-visually-hidden">
              {strings.chatDialogDescription}
            </Dialog.Description>
            <Chat
              {...chat}
              headerEnd={
                <>
                  {chat.headerEnd}
                  <Dialog.Close className="gk-icon-button" aria-label={strings.close} title={strings.close}>
                    <CloseIcon />
                  </Dialog.Close>
                </>
              }
            />
          </Dialog.Content>
        </Dialog.Overlay>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

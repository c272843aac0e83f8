'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { type ReactElement, useRef, useState } from 'react';
import { Chat, type ChatProps } from '../chat/Chat';
import { ChatIcon, CloseIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';
import { PortalContainerContext } from './portal-container';

export interface ChatDialogProps extends ChatProps {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Accessible name of the default launcher (default `strings.openChat`). */
  launcherLabel?: string;
  /** Your own trigger element (a button), instead of the default launcher. */
  launcher?: ReactElement;
  /** The default launcher floats at the bottom right of the page (default true). */
  floating?: boolean;
}

/**
 * The embeddable widget: a launcher button that opens the chat as a modal dialog. Radix traps focus
 * inside and returns it to the launcher on close; on open, focus goes to the message input. Escape
 * first stops a running answer, then closes the dialog.
 */
export function ChatDialog({
  open: controlledOpen,
  defaultOpen = false,
  onOpenChange,
  launcherLabel,
  launcher,
  floating = true,
  ...chatProps
}: ChatDialogProps) {
  const strings = useGemkitStrings();
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
  const open = controlledOpen ?? uncontrolledOpen;
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const content = useRef<HTMLDivElement>(null);
  const { conversation } = chatProps;
  const title = chatProps.title ?? strings.chatTitle;

  const setOpen = (next: boolean) => {
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  };

  return (
    <PortalContainerContext.Provider value={root}>
      <div ref={setRoot} className="gk-root gk-chat-dialog-root" data-theme={chatProps.theme}>
        <Dialog.Root open={open} onOpenChange={setOpen}>
          <Dialog.Trigger asChild>
            {launcher ?? (
              <button
                type="button"
                className="gk-launcher"
                data-floating={floating ? 'true' : undefined}
                aria-label={launcherLabel ?? strings.openChat}
                title={launcherLabel ?? strings.openChat}
              >
                <ChatIcon />
              </button>
            )}
          </Dialog.Trigger>
          <Dialog.Portal container={root ?? undefined}>
            <Dialog.Overlay className="gk-root gk-dialog-overlay gk-chat-dialog-overlay">
              <Dialog.Content
                ref={content}
                className="gk-chat-dialog"
                onOpenAutoFocus={(event) => {
                  event.preventDefault();
                  content.current?.querySelector<HTMLElement>('.gk-composer-input')?.focus();
                }}
                onEscapeKeyDown={(event) => {
                  const target = event.target as Element | null;
                  if (conversation.isLoading) {
                    event.preventDefault();
                    conversation.stop();
                  } else if (target?.closest?.('.gk-edit')) {
                    // Escape in a message's edit form cancels the edit, not the dialog.
                    event.preventDefault();
                  }
                }}
              >
                <Dialog.Title className="gk-visually-hidden">{title}</Dialog.Title>
                <Dialog.Description className="gk-visually-hidden">
                  {strings.chatDialogDescription}
                </Dialog.Description>
                <Chat
                  {...chatProps}
                  headerEnd={
                    <>
                      {chatProps.headerEnd}
                      <Dialog.Close
                        className="gk-icon-button"
                        aria-label={strings.close}
                        title={strings.close}
                      >
                        <CloseIcon />
                      </Dialog.Close>
                    </>
                  }
                />
              </Dialog.Content>
            </Dialog.Overlay>
          </Dialog.Portal>
        </Dialog.Root>
      </div>
    </PortalContainerContext.Provider>
  );
}

'use client';
import { lazy, type ReactElement, Suspense, useState } from 'react';
import type { ChatProps } from '../chat/Chat';
import { ChatIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';
import { DialogTrigger, useDialogState } from './lazy-dialog';
import { PortalContainerContext } from './portal-container';

const loadPanel = () => import('./ChatDialogPanel');
const ChatDialogPanel = lazy(loadPanel);
const preload = () => void loadPanel().catch(() => undefined);

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
 * The embeddable widget: a launcher button that opens the chat as a modal dialog on Radix, which
 * traps focus inside; on open, focus goes to the message input, and on close back to the launcher.
 * Escape first stops a running answer, then closes the dialog. Until the first opening (or a hover
 * over the launcher) only the launcher is loaded.
 */
export function ChatDialog({
  open,
  defaultOpen,
  onOpenChange,
  launcherLabel,
  launcher,
  floating = true,
  ...chat
}: ChatDialogProps) {
  const strings = useGemkitStrings();
  const dialog = useDialogState({ open, defaultOpen, onOpenChange });
  // The launcher's root hosts the portaled dialog, so the dialog takes the theme around the launcher.
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const label = launcherLabel ?? strings.openChat;
  return (
    <PortalContainerContext.Provider value={root}>
      <div ref={setRoot} className="gk-root gk-chat-dialog-root" data-theme={chat.theme}>
        <DialogTrigger
          element={
            launcher ?? (
              <button
                type="button"
                className="gk-launcher"
                data-floating={floating ? 'true' : undefined}
                aria-label={label}
                title={label}
              >
                <ChatIcon />
              </button>
            )
          }
          open={dialog.open}
          onOpen={() => dialog.setOpen(true)}
          preload={preload}
          triggerRef={dialog.triggerRef}
        />
        {dialog.mounted && root && (
          <Suspense fallback={null}>
            <ChatDialogPanel
              open={dialog.open}
              onOpenChange={dialog.setOpen}
              chat={chat}
              container={root}
              triggerRef={dialog.triggerRef}
            />
          </Suspense>
        )}
      </div>
    </PortalContainerContext.Provider>
  );
}

'use client';
import type { UseConversationResult } from '@gemkit/react';
import { type CSSProperties, type ReactNode, useId, useState } from 'react';
import { Composer } from '../composer/Composer';
import type { ChatSettings } from '../dialogs/chat-settings';
import { PortalContainerContext } from '../dialogs/portal-container';
import { type RenderToolCall, ToolCallRenderContext } from '../message/tool-call-render';
import { MessageList, type MessageListComponents } from '../message-list/MessageList';
import { useGemkitStrings } from '../strings/strings-context';
import { ChatHeader } from './ChatHeader';
import { EmptyState } from './EmptyState';

export interface ChatProps {
  /** What `useConversation()` returned: the app owns the hook. */
  conversation: UseConversationResult;
  /** The settings the settings dialog shows. */
  settings?: ChatSettings | undefined;
  /** Called when the user saves the settings; without it there is no settings button. */
  onSettingsChange?: ((settings: ChatSettings) => void) | undefined;
  /** Choices for the model field (else a free text field). */
  models?: readonly string[] | undefined;
  /** Header title (default `strings.chatTitle`). */
  title?: ReactNode;
  /** Show the header (default true). */
  header?: boolean;
  /** More header controls, after the built-in ones. */
  headerEnd?: ReactNode;
  /** Shown before the first message. */
  emptyState?: ReactNode;
  placeholder?: string | undefined;
  /** When set, sending is off and this says why. */
  disabledReason?: string | undefined;
  /** File types the composer takes (`''`: no attachments). */
  accept?: string | undefined;
  components?: MessageListComponents;
  /**
   * Renders function calls in place of the built-in block: a confirmation whose buttons call `addResult`,
   * say. Return `undefined` for a call to keep the built-in block.
   */
  renderToolCall?: RenderToolCall | undefined;
  /** Force a color scheme (default: the user's preference, or a `data-theme` above). */
  theme?: 'light' | 'dark' | undefined;
  autoFocus?: boolean;
  /** Keeps the composer's unsent text in localStorage under this key (see `<Composer draftKey>`). */
  draftKey?: string | undefined;
  className?: string;
  style?: CSSProperties;
}

/**
 * A complete chat: header (title, new chat, settings), the message list and the composer, each of them
 * exported on its own. Give it a height; the list scrolls inside.
 */
export function Chat({
  conversation,
  settings,
  onSettingsChange,
  models,
  title,
  header = true,
  headerEnd,
  emptyState,
  placeholder,
  disabledReason,
  accept,
  components,
  renderToolCall,
  theme,
  autoFocus,
  draftKey,
  className,
  style,
}: ChatProps) {
  const strings = useGemkitStrings();
  const titleId = useId();
  // Dialogs portal into this element, so they inherit the chat's theme and scope.
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const reason = disabledReason ?? (conversation.hydrated ? undefined : strings.loadingConversation);
  return (
    <PortalContainerContext.Provider value={root}>
      <section
        ref={setRoot}
        className={className ? `gk-root gk-chat ${className}` : 'gk-root gk-chat'}
        style={style}
        data-theme={theme}
        aria-labelledby={header ? titleId : undefined}
        aria-label={header ? undefined : typeof title === 'string' ? title : strings.chatTitle}
      >
        {header && (
          <ChatHeader
            titleId={titleId}
            title={title ?? strings.chatTitle}
            onReset={() => void conversation.reset()}
            canReset={conversation.messages.length > 0}
            settings={settings}
            onSettingsChange={onSettingsChange}
            models={models}
            end={headerEnd}
          />
        )}
        <ToolCallRenderContext.Provider value={renderToolCall}>
          <MessageList
            conversation={conversation}
            emptyState={emptyState ?? <EmptyState />}
            components={components}
          />
        </ToolCallRenderContext.Provider>
        <Composer
          onSend={conversation.send}
          onStop={conversation.stop}
          busy={conversation.isLoading}
          disabledReason={reason}
          placeholder={placeholder}
          accept={accept}
          autoFocus={autoFocus}
          draftKey={draftKey}
        />
      </section>
    </PortalContainerContext.Provider>
  );
}

'use client';
import { type UseConversationOptions, useConversation } from '@gemkit/react';
import { useCallback, useState } from 'react';
import type { ChatSettings } from '../dialogs/chat-settings';
import { Chat, type ChatProps } from './Chat';

export interface ConnectedChatProps
  extends Omit<ChatProps, 'conversation' | 'settings' | 'onSettingsChange'> {
  /** Anything `useConversation` takes (`client`, `id`, `persistence`, callbacks, …). */
  conversationOptions?: UseConversationOptions;
  /** The settings to start with; the settings dialog edits them from there. */
  defaultSettings?: ChatSettings;
  /** Hears about saved settings (to store them, say). */
  onSettingsChange?: (settings: ChatSettings) => void;
  /** Offer the settings dialog (default true). */
  editableSettings?: boolean;
}

/** `<Chat>` with its own `useConversation()`, and the settings the dialog edits kept in state. */
export function ConnectedChat({
  conversationOptions,
  defaultSettings,
  onSettingsChange,
  editableSettings = true,
  ...chatProps
}: ConnectedChatProps) {
  const [settings, setSettings] = useState<ChatSettings>(defaultSettings ?? {});
  const conversation = useConversation({ ...conversationOptions, ...definedOnly(settings) });
  const change = useCallback(
    (next: ChatSettings) => {
      setSettings(next);
      onSettingsChange?.(next);
    },
    [onSettingsChange],
  );
  return (
    <Chat
      {...chatProps}
      conversation={conversation}
      settings={settings}
      onSettingsChange={editableSettings ? change : undefined}
    />
  );
}

/** A setting left undefined must not hide the same option given in `conversationOptions`. */
function definedOnly(settings: ChatSettings): ChatSettings {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

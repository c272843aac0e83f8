'use client';
import type { ReactNode } from 'react';
import type { ChatSettings } from '../dialogs/chat-settings';
import { SettingsDialog } from '../dialogs/SettingsDialog';
import { IconButton } from '../icons/IconButton';
import { NewChatIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';

export interface ChatHeaderProps {
  titleId: string;
  title: ReactNode;
  /** Starts over; disabled while there is nothing to clear. */
  onReset: () => void;
  canReset: boolean;
  settings: ChatSettings | undefined;
  onSettingsChange: ((settings: ChatSettings) => void) | undefined;
  models: readonly string[] | undefined;
  /** More controls at the end (a dialog's close button). */
  end?: ReactNode;
}

export function ChatHeader({
  titleId,
  title,
  onReset,
  canReset,
  settings,
  onSettingsChange,
  models,
  end,
}: ChatHeaderProps) {
  const strings = useGemkitStrings();
  return (
    <header className="gk-chat-header">
      <h2 id={titleId} className="gk-chat-title">
        {title}
      </h2>
      <div className="gk-chat-header-actions">
        <IconButton label={strings.newChat} disabled={!canReset} onClick={onReset}>
          <NewChatIcon />
        </IconButton>
        {onSettingsChange && (
          <SettingsDialog settings={settings ?? {}} onSettingsChange={onSettingsChange} models={models} />
        )}
        {end}
      </div>
    </header>
  );
}

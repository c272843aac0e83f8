import { type ConversationMode, type Message, useConversation } from '@gemkit/react';
import { Chat, type ChatSettings, SettingsDialog } from '@gemkit/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_MODEL, type DemoStatus } from '../../shared/demo-status';
import type { ConversationEntry } from '../conversations/conversation-index';
import { shouldReload } from '../conversations/conversation-sync';
import { traffic } from '../gemkit-client';
import { MenuIcon, PanelIcon } from '../icons';
import { InspectorPanel } from '../inspector/InspectorPanel';
import { conversationIndex, conversationStorage } from '../storage';
import { EmptyState } from './EmptyState';
import { GenerationDialog } from './GenerationDialog';
import { InspectableMessage, InspectContext, type InspectSelection } from './inspect-context';
import { registerLiveChat } from './live-chats';
import { ModeSwitch } from './ModeSwitch';

export interface ChatPaneProps {
  entry: ConversationEntry;
  status: DemoStatus | undefined;
  inspectorOpen: boolean;
  onToggleInspector: () => void;
  onOpenSidebar: () => void;
}

const components = { Message: InspectableMessage };

/**
 * One chat: its header (title, mode, settings, inspector), the chat itself, and the event inspector. When
 * another tab saves a newer state of this chat while this one is idle, it is shown in place (no remount: the
 * messages, the scroll position, the draft and the focus stay), so the same chat open in two tabs shows what
 * either added, and neither's next message overwrites the other's.
 */
export function ChatPane({ entry, status, inspectorOpen, onToggleInspector, onOpenSidebar }: ChatPaneProps) {
  const { id, settings } = entry;
  const requestSettings = {
    model: settings.model ?? DEFAULT_MODEL,
    system_instruction: settings.system_instruction,
    generation_config: settings.generation_config,
  };
  const chat = useConversation({
    id,
    persistence: conversationStorage,
    ...settings,
    ...requestSettings,
    onFinish: () => conversationIndex.touch(id),
    onError: (_error, message) => {
      if (message) conversationIndex.touch(id);
    },
  });

  // Requests made from now on belong to this chat and to its turn in flight (for the inspector).
  useEffect(
    () =>
      traffic.setContext(() => {
        const last = chat.conversation.getSnapshot().messages.at(-1);
        const inFlight =
          last?.role === 'model' && (last.status === 'submitted' || last.status === 'streaming');
        return { conversationId: chat.conversation.id, turnId: inFlight ? last.id : undefined };
      }),
    [chat.conversation],
  );

  const { reset, serialize } = chat;
  useEffect(() => registerLiveChat(id, { reset, serialize }), [id, reset, serialize]);
  const { conversation } = chat;
  useEffect(
    () =>
      conversationStorage.onSavedElsewhere(async (savedId) => {
        if (savedId !== conversation.id) return;
        const saved = await Promise.resolve(conversationStorage.load(savedId)).catch(() => undefined);
        // Read after the load, from the conversation itself: a turn sent meanwhile must not be replaced.
        const answering = conversation.getSnapshot().isLoading;
        // Not saved back: it came from storage, and writing it again could land after that tab's next save.
        if (saved && shouldReload(saved, conversation.serialize(), answering))
          conversation.restore(saved, { save: false });
      }),
    [conversation],
  );
  useChatTitle(entry, chat.messages, chat.hydrated);

  const [inspectedId, setInspectedId] = useState<string>();
  const latestModelId = chat.messages.findLast((message) => message.role === 'model')?.id;
  const shownId =
    inspectedId && chat.messages.some((m) => m.id === inspectedId) ? inspectedId : latestModelId;
  const selection = useMemo<InspectSelection | undefined>(
    () => (inspectorOpen ? { selectedId: shownId, select: setInspectedId } : undefined),
    [inspectorOpen, shownId],
  );

  const setSettings = (next: ChatSettings) => conversationIndex.updateSettings(id, next);
  const setMode = (mode: ConversationMode) => setSettings({ ...settings, mode });

  return (
    <div className="demo-workspace" data-inspector={inspectorOpen || undefined}>
      <div className="demo-chat-column">
        <header className="demo-header">
          <button
            type="button"
            className="demo-icon-button demo-menu-button"
            aria-label="Show chats"
            onClick={onOpenSidebar}
          >
            <MenuIcon />
          </button>
          <h1 className="demo-title">{entry.title}</h1>
          <div className="demo-header-actions">
            <ModeSwitch mode={chat.mode} onChange={setMode} />
            <SettingsDialog settings={settings} onSettingsChange={setSettings} models={status?.models} />
            <GenerationDialog settings={settings} onSettingsChange={setSettings} />
            <button
              type="button"
              className="demo-icon-button"
              aria-pressed={inspectorOpen}
              aria-label="Event inspector"
              title="Event inspector: the raw events of a turn as they arrive"
              onClick={onToggleInspector}
            >
              <PanelIcon />
            </button>
          </div>
        </header>
        <InspectContext.Provider value={selection}>
          <Chat
            className="demo-chat"
            conversation={chat}
            header={false}
            title={entry.title}
            components={components}
            autoFocus
            draftKey={id}
            emptyState={
              <EmptyState upstream={status?.upstream} onPick={(prompt) => void chat.send(prompt)} />
            }
          />
        </InspectContext.Provider>
      </div>
      {inspectorOpen && (
        <InspectorPanel
          chat={chat}
          settings={requestSettings}
          selectedId={shownId}
          onSelect={setInspectedId}
          onClose={onToggleInspector}
        />
      )}
    </div>
  );
}

/** Names the chat after its first message (unless the user named it), and keeps it near the top while used. */
function useChatTitle(entry: ConversationEntry, messages: readonly Message[], hydrated: boolean): void {
  const first = messages[0];
  const firstText = first?.role === 'user' ? first.text || first.attachments[0]?.name || '' : '';
  useEffect(() => {
    if (firstText) conversationIndex.autoTitle(entry.id, firstText);
  }, [entry.id, firstText]);

  // A new message (not the ones loaded from storage) makes this the most recent chat.
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!hydrated) return;
    if (seen.current !== undefined && messages.length > seen.current) conversationIndex.touch(entry.id);
    seen.current = messages.length;
  }, [entry.id, messages.length, hydrated]);
}

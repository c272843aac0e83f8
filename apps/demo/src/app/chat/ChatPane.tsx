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
 * One chat, loaded again (a fresh conversation from storage) when another tab saved a newer state of it
 * while this one was idle: the same chat open in two tabs shows what either added.
 */
export function ChatPane(props: ChatPaneProps) {
  const [reload, setReload] = useState({ revision: 0, focusComposer: true });
  const onSavedElsewhere = () =>
    // The composer takes focus again only if it had it: a reload must not pull focus from elsewhere.
    setReload((previous) => ({
      revision: previous.revision + 1,
      focusComposer: document.activeElement?.closest('.gk-composer') != null,
    }));
  return (
    <ChatPaneBody
      key={reload.revision}
      {...props}
      focusComposer={reload.focusComposer}
      onSavedElsewhere={onSavedElsewhere}
    />
  );
}

/** One chat: its header (title, mode, settings, inspector), the chat itself, and the event inspector. */
function ChatPaneBody({
  entry,
  status,
  inspectorOpen,
  onToggleInspector,
  onOpenSidebar,
  focusComposer,
  onSavedElsewhere,
}: ChatPaneProps & { focusComposer: boolean; onSavedElsewhere: () => void }) {
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
  const latest = useRef({ chat, onSavedElsewhere });
  latest.current = { chat, onSavedElsewhere };
  useEffect(
    () =>
      conversationStorage.onSavedElsewhere(async (savedId) => {
        if (savedId !== id) return;
        const saved = await Promise.resolve(conversationStorage.load(id)).catch(() => undefined);
        const current = latest.current;
        if (shouldReload(saved, current.chat.serialize(), current.chat.isLoading)) current.onSavedElsewhere();
      }),
    [id],
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
            autoFocus={focusComposer}
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

import { deleteStoredInteractions, GemkitProvider } from '@gemkit/react';
import { clearDraft } from '@gemkit/ui';
import { useEffect, useState } from 'react';
import { DEFAULT_MODEL } from '../shared/demo-status';
import { ChatPane } from './chat/ChatPane';
import { forgetChat } from './chat/live-chats';
import { useConversationIndex } from './conversations/use-conversation-index';
import { client } from './gemkit-client';
import { Sidebar } from './sidebar/Sidebar';
import { useDemoStatus } from './status/use-demo-status';
import { conversationIndex, conversationStorage } from './storage';
import { useStoredFlag } from './use-stored-flag';

/** The demo: chats in a sidebar, the selected one in the middle, the event inspector beside it. */
export function App() {
  const status = useDemoStatus();
  const index = useConversationIndex();
  const [inspectorOpen, setInspectorOpen] = useStoredFlag('gemkit-demo-inspector', false);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const selected = index?.conversations.find((entry) => entry.id === index.selectedId);

  // On narrow screens the sidebar is a drawer: choosing a chat closes it.
  const closeDrawer = () => setSidebarOpen(false);
  useEffect(() => {
    if (!sidebarOpen) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setSidebarOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sidebarOpen]);

  return (
    <GemkitProvider client={client} model={DEFAULT_MODEL}>
      <div className="demo-app" data-sidebar-open={sidebarOpen || undefined}>
        <Sidebar
          index={index}
          upstream={status?.upstream}
          onNew={() => {
            conversationIndex.create();
            closeDrawer();
          }}
          onSelect={(id) => {
            conversationIndex.select(id);
            closeDrawer();
          }}
          onRename={(id, title) => conversationIndex.rename(id, title)}
          onDelete={(id) => {
            forgetChat(id, conversationStorage)
              .then(async (saved) => {
                conversationIndex.remove(id);
                clearDraft(id);
                // Then the copies the API stored (stateful turns), without holding up the list.
                const { failed } = saved ? await deleteStoredInteractions(client, saved) : { failed: [] };
                if (failed.length > 0)
                  console.warn('Part of the chat is still stored on the server.', failed);
              })
              .catch((error: unknown) => {
                console.error('The chat could not be deleted from storage.', error);
                conversationIndex.remove(id);
              });
          }}
        />
        {sidebarOpen && <div className="demo-scrim" aria-hidden="true" onClick={closeDrawer} />}
        <main className="demo-main">
          {selected ? (
            <ChatPane
              key={selected.id}
              entry={selected}
              status={status}
              inspectorOpen={inspectorOpen}
              onToggleInspector={() => setInspectorOpen(!inspectorOpen)}
              onOpenSidebar={() => setSidebarOpen(true)}
            />
          ) : (
            <div className="demo-loading" role="status">
              Loading chats…
            </div>
          )}
        </main>
      </div>
    </GemkitProvider>
  );
}

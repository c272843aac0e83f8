/**
 * Gemkit's contender: the conversation restored into a Conversation (as an app does with a saved chat),
 * shown by `<Chat>` exactly as an app renders it. The render probe is the one the package's own
 * render-count tests use: it tells list and message renders apart without changing the tree.
 */
import { Conversation, createClient } from '@gemkit/core';
import { useConversation } from '@gemkit/react';
import { Chat } from '@gemkit/ui';
import '@gemkit/ui/styles.css';
import { Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { type ChatRenderEvent, ChatRenderProbeContext } from '../../../packages/ui/src/chat/render-probe';
import { MODEL, seedMessages, toSerializedConversation } from '../seed';
import { startMeasuring } from './measure';
import { messageCount } from './params';
import { countCommit, countListRender, countMessageRender } from './render-counts';

const saved = toSerializedConversation(seedMessages(messageCount()));
startMeasuring({ expected: saved.messages.length, messageSelector: 'article.gk-message' });

const probe = (event: ChatRenderEvent) => {
  if (event.kind === 'message') countMessageRender();
  else if (event.kind === 'message-list') countListRender();
};

// Never sends here: the client points at the server route an app would have.
const conversation = new Conversation({
  client: createClient({ baseUrl: '/api/gemini' }),
  model: MODEL,
  mode: 'stateless',
});
conversation.restore(saved);

function App() {
  const chat = useConversation({ conversation });
  return <Chat conversation={chat} />;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <Profiler id="chat" onRender={countCommit}>
    <ChatRenderProbeContext.Provider value={probe}>
      <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <App />
      </div>
    </ChatRenderProbeContext.Provider>
  </Profiler>,
);

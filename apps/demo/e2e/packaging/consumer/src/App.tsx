// As @gemkit/ui's README shows it: the provider, the hook, the component, the stylesheet.
import { GemkitProvider, useConversation } from '@gemkit/react';
import { Chat } from '@gemkit/ui';
import '@gemkit/ui/styles.css';

function Assistant() {
  const chat = useConversation({ model: 'gemini-3-flash-preview', mode: 'stateful' });
  return <Chat conversation={chat} style={{ height: '100vh' }} />;
}

export const App = () => (
  <GemkitProvider baseUrl="/api/gemini">
    <Assistant />
  </GemkitProvider>
);

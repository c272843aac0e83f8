import { useConversation } from '@gemkit/react';
import { Chat, loadMarkdownParser } from '@gemkit/ui';
import '@gemkit/ui/styles.css';
import { mountBenchPage, useBenchContender } from './harness';
import { MODEL } from './model';

/** (a) Gemkit as an app uses it: useConversation on the default route, rendered by <Chat>. */
function GemkitChat() {
  const chat = useConversation({ model: MODEL });
  const last = chat.messages.at(-1);
  const done = last?.role === 'model' && last.status !== 'submitted' && last.status !== 'streaming';
  useBenchContender({ send: (text) => void chat.send(text), done });
  return <Chat conversation={chat} style={{ height: '100vh' }} />;
}

// <Chat> starts loading the markdown parser on mount; the page is ready once it has, as in an app whose
// user has not typed the first message yet.
mountBenchPage(<GemkitChat />, loadMarkdownParser());

import { useChat } from '@ai-sdk/react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useBenchContender } from './harness';

export interface UseChatPageProps {
  /** How the page renders an answer's text part (its markdown component). */
  renderText: (text: string, streaming: boolean) => ReactNode;
}

/**
 * (b), (c): a chat page as the AI SDK's docs write one — useChat() on its default `/api/chat` transport,
 * each message's text parts through a markdown component — with `?throttle=N` passed to useChat.
 */
export function UseChatPage({ renderText }: UseChatPageProps) {
  const throttle = Number(new URLSearchParams(window.location.search).get('throttle')) || undefined;
  const { messages, sendMessage, status } = useChat({ throttle });
  const [input, setInput] = useState('');
  const send = (text: string) => void sendMessage({ text });
  const last = messages.at(-1);
  const done = (status === 'ready' && last?.role === 'assistant') || status === 'error';
  useBenchContender({ send, done });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(input);
    setInput('');
  };
  return (
    <main style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <div style={{ flex: 1, overflowY: 'auto', padding: 16 }}>
        {messages.map((message) => (
          <div key={message.id} data-role={message.role}>
            {message.parts.map((part, index) =>
              part.type === 'text' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts have no ids; their order never changes
                <div key={index}>{renderText(part.text, message === last && status === 'streaming')}</div>
              ) : null,
            )}
          </div>
        ))}
      </div>
      <form onSubmit={submit} style={{ display: 'flex', gap: 8, padding: 16 }}>
        <input value={input} onChange={(event) => setInput(event.target.value)} style={{ flex: 1 }} />
        <button type="submit" disabled={status !== 'ready'}>
          Send
        </button>
      </form>
    </main>
  );
}

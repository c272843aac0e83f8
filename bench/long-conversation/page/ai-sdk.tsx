/**
 * The anchor: Vercel AI SDK's `useChat` with the conversation as its initial messages, each answer drawn
 * by Streamdown, and the input as state of the chat component — as the AI SDK's chatbot guide and
 * Streamdown's README write it. Styled with Tailwind, which Streamdown's markup is made for.
 */
import { useChat } from '@ai-sdk/react';
import type { UIMessage } from 'ai';
import { Profiler, useLayoutEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Streamdown } from 'streamdown';
import { seedMessages } from '../seed';
import './ai-sdk.css';
import { startMeasuring } from './measure';
import { messageCount } from './params';
import { countCommit, countListRender, countMessageRender } from './render-counts';

const initialMessages: UIMessage[] = seedMessages(messageCount()).map(({ id, role, text }) => ({
  id,
  role: role === 'model' ? 'assistant' : 'user',
  parts: [{ type: 'text', text }],
}));
startMeasuring({ expected: initialMessages.length, messageSelector: '[data-message]' });

/** What the guide writes inline in `messages.map(…)`; a plain function component renders just as often. */
function MessageRow({ message }: { message: UIMessage }) {
  countMessageRender();
  return (
    <div
      data-message
      className={message.role === 'user' ? 'ml-auto max-w-[85%] rounded-2xl bg-gray-100 px-4 py-2' : ''}
    >
      {message.parts.map((part, index) =>
        part.type !== 'text' ? null : message.role === 'user' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no ids; the guide keys them by index too.
          <p key={`${message.id}-${index}`} className="whitespace-pre-wrap">
            {part.text}
          </p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <Streamdown key={`${message.id}-${index}`}>{part.text}</Streamdown>
        ),
      )}
    </div>
  );
}

function Page() {
  countListRender();
  const { messages, sendMessage, status } = useChat({ messages: initialMessages });
  const [input, setInput] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  // A chat opens at its newest message.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, []);
  return (
    <div className="flex h-screen flex-col">
      <div ref={scroller} className="flex-1 overflow-y-auto">
        <div className="mx-auto flex max-w-3xl flex-col gap-5 p-4">
          {messages.map((message) => (
            <MessageRow key={message.id} message={message} />
          ))}
        </div>
      </div>
      <form
        className="mx-auto flex w-full max-w-3xl gap-2 p-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!input.trim()) return;
          sendMessage({ text: input });
          setInput('');
        }}
      >
        <textarea
          aria-label="Message"
          className="flex-1 resize-none rounded-xl border border-gray-300 p-3"
          rows={1}
          value={input}
          onChange={(event) => setInput(event.target.value)}
          placeholder="Say something..."
        />
        <button type="submit" className="rounded-xl bg-black px-4 text-white" disabled={status !== 'ready'}>
          Send
        </button>
      </form>
    </div>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <Profiler id="chat" onRender={countCommit}>
    <Page />
  </Profiler>,
);

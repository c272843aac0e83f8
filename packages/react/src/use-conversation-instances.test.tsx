import { Conversation, createMemoryAdapter, type SerializedConversation } from '@gemkit/core';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GemkitProvider } from './provider.js';
import { emulatorsForFile, MODEL } from './test/fixture.js';
import { useConversation } from './use-conversation.js';
import { useStreamingText } from './use-streaming-text.js';

const env = emulatorsForFile();

function Transcript({ conversation }: { conversation: Conversation }) {
  const chat = useConversation({ conversation });
  return (
    <ol>
      {chat.messages.map((m) => (
        <li key={m.id}>{m.role}</li>
      ))}
    </ol>
  );
}

function Page() {
  const chat = useConversation();
  const { text } = useStreamingText(chat.messages[1]);
  return (
    <main data-status={chat.status} data-hydrated={chat.hydrated}>
      {`${chat.messages.length} messages ${text}`}
    </main>
  );
}

describe('useConversation instances', () => {
  it('switching `id` switches to that conversation, as a prop change', async () => {
    const persistence = createMemoryAdapter<SerializedConversation>();
    const { result, rerender } = renderHook(
      ({ id }) => useConversation({ client: env.fast.client, model: MODEL, id, persistence }),
      { initialProps: { id: 'a' } },
    );
    await act(() => result.current.send('In chat a.'));
    await waitFor(() => expect(result.current.status).toBe('completed'));
    rerender({ id: 'b' });
    await waitFor(() => expect(result.current.id).toBe('b'));
    expect(result.current.messages).toEqual([]);
    rerender({ id: 'a' });
    await waitFor(() => expect(result.current.messages[0]?.text).toBe('In chat a.'));
  });

  it('components can share one Conversation made outside React; unmounting one stops nothing', async () => {
    const conversation = new Conversation({ client: env.slow.client, model: MODEL });
    const first = render(<Transcript conversation={conversation} />);
    const second = render(<Transcript conversation={conversation} />);
    let sending: Promise<void> = Promise.resolve();
    act(() => {
      sending = conversation.send('Shared. [emulator: words=40]');
    });
    await waitFor(() => expect(second.container.textContent).toBe('usermodel'));
    first.unmount();
    await act(() => sending);
    expect(conversation.getSnapshot().status).toBe('completed');
    await waitFor(() => expect(second.container.querySelectorAll('li')).toHaveLength(2));
  });

  it('renders on the server: the initial state, no request, nothing thrown', () => {
    const before = env.fast.emulator.requests.length;
    const html = renderToString(
      <GemkitProvider client={env.fast.client} model={MODEL}>
        <Page />
      </GemkitProvider>,
    );
    expect(html).toContain('data-status="idle"');
    expect(html).toContain('0 messages');
    expect(env.fast.emulator.requests.length).toBe(before);
  });
});

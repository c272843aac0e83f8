import {
  createIndexedDBAdapter,
  createLocalStorageAdapter,
  type ModelMessage,
  type PersistenceAdapter,
  type SerializedConversation,
} from '@gemkit/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emulatorsForFile, MODEL } from './test/fixture.js';
import { useConversation } from './use-conversation.js';

const env = emulatorsForFile();

const adapters: [string, () => PersistenceAdapter<SerializedConversation>][] = [
  ['localStorage', () => createLocalStorageAdapter({ prefix: `test${Math.random()}:` })],
  // jsdom has no IndexedDB: the test setup installs fake-indexeddb as the global one.
  ['IndexedDB', () => createIndexedDBAdapter({ databaseName: `test${Math.random()}` })],
];

describe.each(adapters)('useConversation persisted in %s', (_name, createAdapter) => {
  it('an unmount and a remount lose nothing, and the history continues', async () => {
    const persistence = createAdapter();
    const options = { client: env.fast.client, model: MODEL, id: 'chat', persistence };
    const first = renderHook(() => useConversation(options));
    await act(() => first.result.current.send('I have 2 dogs in my house.'));
    await waitFor(() => expect(first.result.current.status).toBe('completed'));
    const saved = first.result.current.messages;
    first.unmount();

    const second = renderHook(() => useConversation(options));
    expect(second.result.current.hydrated).toBe(false);
    await waitFor(() => expect(second.result.current.hydrated).toBe(true));
    expect(second.result.current.messages).toEqual(saved);
    const before = env.fast.creates().length;
    await act(() => second.result.current.send('How many paws are in my house?'));
    expect(env.fast.creates()[before]?.previous_interaction_id).toBe(
      (saved[1] as ModelMessage).interactionId,
    );
    second.unmount();
  });

  it('an unmount mid-stream aborts without cancelling; the remount resumes the answer to its end', async () => {
    const persistence = createAdapter();
    const options = { client: env.slow.client, model: MODEL, id: 'chat', persistence };
    const first = renderHook(() => useConversation(options));
    const cancels = env.slow.emulator.stats.cancels;
    const aborted = env.slow.emulator.stats.streamsAbortedByClient;
    act(() => {
      first.result.current.send('Tell me a story. [emulator: words=150]');
    });
    await waitFor(() => expect(first.result.current.messages[1]?.text.length ?? 0).toBeGreaterThan(20));
    first.unmount();
    await waitFor(() => expect(env.slow.emulator.stats.streamsAbortedByClient).toBe(aborted + 1));

    const second = renderHook(() => useConversation(options));
    await waitFor(() => expect(second.result.current.status).toBe('completed'), { timeout: 10_000 });
    const answer = second.result.current.messages[1] as ModelMessage;
    const stored = await env.slow.client.interactions.get(answer.interactionId as string);
    expect(answer.steps).toEqual(stored.steps);
    expect(env.slow.emulator.stats.cancels).toBe(cancels);
    second.unmount();
  });
});

describe('useConversation without persistence', () => {
  it('an unmount mid-stream stops the turn and cancels it upstream: nobody could resume it', async () => {
    const { result, unmount } = renderHook(() => useConversation({ client: env.slow.client, model: MODEL }));
    const cancels = env.slow.emulator.stats.cancels;
    act(() => {
      result.current.send('Tell me a story. [emulator: words=300]');
    });
    await waitFor(() => expect(result.current.messages[1]?.text.length ?? 0).toBeGreaterThan(0));
    unmount();
    await waitFor(() => expect(env.slow.emulator.stats.cancels).toBe(cancels + 1));
  });
});

import type { UseConversationResult } from '@gemkit/react';
import type { ReactNode } from 'react';
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mixedMarkdown } from '../markdown/test/long-answers';
import { savedConversation } from '../test/conversation-fixtures';
import { articles, waitForSettled } from '../test/play';
import { renderChat } from '../test/render-chat';
import { type ChatRenderEvent, ChatRenderProbeContext } from './render-probe';

/** A long answer of many blocks: headings, paragraphs, lists, tables and code. */
const ANSWER = mixedMarkdown(12_000);

/** A chat over 1,000 saved messages (stateless: the next turn sends them as history), with a render log. */
async function renderLongChat(emulatorPacing = { chunkSize: 48, delayMs: 2 }) {
  const log: ChatRenderEvent[] = [];
  const probe = (event: ChatRenderEvent) => log.push(event);
  const wrap = (node: ReactNode) => (
    <ChatRenderProbeContext.Provider value={probe}>{node}</ChatRenderProbeContext.Provider>
  );
  const rendered = await renderChat({
    wrap,
    // Every frame's text, not ten updates a second: many updates, to show what each one re-renders.
    options: { mode: 'stateless', streamingUpdateMs: 0 },
    emulator: { pacing: emulatorPacing, responder: () => ANSWER },
    start: (conversation) => conversation.restore(savedConversation(500)),
  });
  // Older messages render in batches after the newest: the whole list takes a while on a busy machine.
  await expect.poll(() => articles(rendered.screen.container).length, { timeout: 20_000 }).toBe(1000);
  return { ...rendered, log };
}

/** The store's newest message (the hook's result lags a frame behind it). */
const lastMessage = (chat: UseConversationResult) => chat.conversation.getSnapshot().messages.at(-1);

const blockOffset = (key: string) => Number(key.replace(/^\D+/, ''));

// Thousands of renders: generous time limits, and no assertion about time.
describe('render counts with 1,000 messages', { timeout: 120_000 }, () => {
  test('streaming a long answer re-renders only the streaming message, and in it only its last block', async () => {
    const { screen, log, chat } = await renderLongChat();
    const before = new Set(chat().messages.map((message) => message.id));
    const previousLast = chat().messages.at(-1)?.id;
    log.length = 0;

    await chat().send('Write a long report');
    await waitForSettled(screen.container, () => lastMessage(chat()));
    expect(chat().messages.at(-1)?.text).toBe(ANSWER);
    const streamingId = chat().messages.at(-1)?.id as string;
    const newUserId = chat().messages.at(-2)?.id as string;

    // Messages: the two new ones, and the one that stopped being last (its Retry offer changes). None else.
    const messageRenders = log.filter((event) => event.kind === 'message');
    const renderedIds = new Set(messageRenders.map((event) => event.id));
    expect([...renderedIds].sort()).toEqual([newUserId, previousLast, streamingId].sort());
    expect(messageRenders.filter((event) => event.id === previousLast)).toHaveLength(1);
    expect([...renderedIds].filter((id) => before.has(id))).toEqual([previousLast]);

    // Markdown: only the streaming message's, and in each update only the newest blocks.
    const markdown = log.filter((event) => event.kind === 'markdown');
    expect(new Set(markdown.map((event) => event.id))).toEqual(new Set([streamingId]));
    const updates: string[][] = [];
    for (const event of log) {
      if (event.kind === 'message' && event.id === streamingId) updates.push([]);
      else if (event.kind === 'markdown' && event.markdown.kind === 'block')
        updates.at(-1)?.push(event.markdown.key);
    }
    expect(updates.length).toBeGreaterThan(20);
    // Blocks are keyed by their offset in the answer. In each update, only the newest two blocks of
    // the previous updates (the one still growing, and the one that freezes now) and new ones may
    // render: a block renders while it is the last one, once more when it freezes, never after.
    const known: number[] = [];
    const oldRenders: string[] = [];
    updates.forEach((keys, update) => {
      const recent = new Set(known.slice(-2));
      for (const key of keys) {
        const offset = blockOffset(key);
        if (known.includes(offset) && !recent.has(offset)) oldRenders.push(`${key}@${update}`);
      }
      for (const key of keys) if (!known.includes(blockOffset(key))) known.push(blockOffset(key));
      known.sort((a, b) => a - b);
    });
    expect(oldRenders).toEqual([]);
    expect(known.length).toBeGreaterThan(100);
    const blockRenders = updates.flat().length;
    expect(blockRenders).toBeLessThan(updates.length * 2 + known.length * 2);
  });

  test('typing in the composer re-renders the composer alone, never the list or a message', async () => {
    const { screen, log } = await renderLongChat();
    log.length = 0;
    const input = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.click(input);
    const text = 'a question of forty characters, typed...';
    await userEvent.keyboard(text);
    await expect.element(input).toHaveValue(text);
    const kinds = log.map((event) => event.kind);
    expect(kinds.filter((kind) => kind === 'composer').length).toBeGreaterThanOrEqual(text.length);
    expect(kinds.filter((kind) => kind !== 'composer')).toEqual([]);
  });

  test('switching a branch re-renders the messages of the branch, not the history before it', async () => {
    const { screen, log, chat } = await renderLongChat({ chunkSize: 4000, delayMs: 0 });
    await chat().regenerate();
    await waitForSettled(screen.container, () => lastMessage(chat()));
    const answer = chat().messages.at(-1)?.id as string;
    log.length = 0;
    await userEvent.click(screen.getByRole('button', { name: 'Previous version' }));
    await expect.poll(() => chat().branches[chat().messages.at(-1)?.id as string]?.index).toBe(0);
    const rendered = new Set(log.filter((event) => event.kind === 'message').map((event) => event.id));
    expect(rendered).toEqual(new Set([chat().messages.at(-1)?.id]));
    expect(rendered.has(answer)).toBe(false);
  });
});

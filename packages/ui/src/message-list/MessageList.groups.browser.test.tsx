import { describe, expect, test } from 'vitest';
import { type ChatRenderEvent, ChatRenderProbeContext } from '../chat/render-probe';
import { savedConversation } from '../test/conversation-fixtures';
import { articles } from '../test/play';
import { renderChat } from '../test/render-chat';

/**
 * Off-screen messages skip layout and paint in groups (see GROUP_SIZE in MessageList): the browser checks
 * each content-visibility element against the viewport on every frame that changes layout, so one per
 * message made each keystroke's frame grow with the conversation (bench/long-conversation).
 */
describe('message groups', () => {
  test('1,000 messages sit in order in 50 groups of twenty; the groups, not the messages, skip off screen', async () => {
    const { screen, chat } = await renderChat({
      options: { mode: 'stateless' },
      start: (conversation) => conversation.restore(savedConversation(500)),
    });
    // Older messages render in batches after the newest: the whole list takes a while on a busy machine.
    await expect.poll(() => articles(screen.container).length, { timeout: 20_000 }).toBe(1000);
    const groups = [...screen.container.querySelectorAll<HTMLElement>('.gk-message-group')];
    expect(groups.map((group) => group.children.length)).toEqual(Array(50).fill(20));
    const inGroups = groups.flatMap((group) =>
      [...group.children].map((child) => (child as HTMLElement).dataset.messageId),
    );
    expect(inGroups).toEqual(chat().messages.map((message) => message.id));

    const skipping = [...screen.container.querySelectorAll('*')].filter(
      (element) => getComputedStyle(element).contentVisibility === 'auto',
    );
    expect(skipping).toEqual(groups);
    // The view opens at the newest messages: the first group is skipped, the last one is rendered.
    const shown = (group: HTMLElement | undefined) =>
      group?.firstElementChild?.checkVisibility({ contentVisibilityAuto: true });
    await expect.poll(() => shown(groups.at(-1))).toBe(true);
    expect(shown(groups[0])).toBe(false);
  });

  test('a restored 1,000-message chat renders its newest messages first, then the older ones, each once', async () => {
    const log: ChatRenderEvent[] = [];
    const probe = (event: ChatRenderEvent) => log.push(event);
    const { screen, chat } = await renderChat({
      options: { mode: 'stateless' },
      wrap: (node) => <ChatRenderProbeContext.Provider value={probe}>{node}</ChatRenderProbeContext.Provider>,
      start: (conversation) => conversation.restore(savedConversation(500)),
    });
    // Older messages render in batches after the newest: the whole list takes a while on a busy machine.
    await expect.poll(() => articles(screen.container).length, { timeout: 20_000 }).toBe(1000);
    const ids = chat().messages.map((message) => message.id);
    const renders = log.filter((event) => event.kind === 'message').map((event) => event.id);
    // The first batch is the newest messages (40 to 60 of them, from a group boundary), and nothing else.
    const firstOld = renders.findIndex((id) => ids.indexOf(id) < 940);
    expect(firstOld).toBeGreaterThanOrEqual(40);
    expect(new Set(renders.slice(0, firstOld))).toEqual(new Set(ids.slice(ids.length - firstOld)));
    // Then older and older: every message rendered exactly once, and all of them in order on the page.
    expect(renders).toHaveLength(1000);
    expect(new Set(renders).size).toBe(1000);
    const inPage = articles(screen.container).map((element) => (element as HTMLElement).dataset.messageId);
    expect(inPage).toEqual(ids);
    // The view still opens at the newest message.
    const scroller = screen.getByRole('region', { name: 'Messages' }).element() as HTMLElement;
    await expect
      .poll(() => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight)
      .toBeLessThan(41);
  });
});

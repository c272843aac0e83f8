import { describe, expect, test } from 'vitest';
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
    await expect.poll(() => articles(screen.container).length).toBe(1000);
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
});

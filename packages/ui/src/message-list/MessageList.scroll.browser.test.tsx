import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mixedMarkdown } from '../markdown/test/long-answers';
import { savedConversation } from '../test/conversation-fixtures';
import { waitForSettled } from '../test/play';
import { renderChat } from '../test/render-chat';

const ANSWER = mixedMarkdown(16_000);

/** A short chat box streaming a long answer slowly: the list overflows many times over while it streams. */
async function renderStreamingChat() {
  const rendered = await renderChat({
    height: 420,
    emulator: { pacing: { chunkSize: 48, delayMs: 8 }, responder: () => ANSWER },
  });
  const list = rendered.screen.getByRole('region', { name: 'Messages' }).element() as HTMLElement;
  const distanceFromBottom = () => list.scrollHeight - list.scrollTop - list.clientHeight;
  const lastMessage = () => rendered.chat().conversation.getSnapshot().messages.at(-1);
  return { ...rendered, list, distanceFromBottom, lastMessage };
}

/** Waits until the content has grown by `pixels` beyond its height now. */
async function grownBy(list: HTMLElement, pixels: number) {
  const start = list.scrollHeight;
  await expect.poll(() => list.scrollHeight, { timeout: 20_000 }).toBeGreaterThan(start + pixels);
}

/**
 * Records the list's distance from the bottom each time its content resizes, right after the list has
 * anchored that growth: from a ResizeObserver made after the list's own, which the browser calls after it
 * in the same frame. (Reading the distance straight after seeing `scrollHeight` grow races the list:
 * reading `scrollHeight` lays new content out at once, before the frame in which the list follows it.)
 */
function distancesAfterAnchoring(list: HTMLElement) {
  const content = list.querySelector('.gk-message-content') as HTMLElement;
  const seen: number[] = [];
  const observer = new ResizeObserver(() => {
    seen.push(list.scrollHeight - list.scrollTop - list.clientHeight);
  });
  observer.observe(content);
  return {
    seen,
    stop: () => observer.disconnect(),
  };
}

describe('scroll anchoring', { timeout: 60_000 }, () => {
  test('follows the stream while the reader is at the bottom', async () => {
    const { chat, list, distanceFromBottom } = await renderStreamingChat();
    void chat().send('A long answer, please');
    await expect.poll(() => list.scrollHeight, { timeout: 20_000 }).toBeGreaterThan(list.clientHeight * 3);
    await expect.poll(distanceFromBottom).toBeLessThanOrEqual(40);
    const distances = distancesAfterAnchoring(list);
    await grownBy(list, 1500);
    distances.stop();
    chat().stop();
    // Several growths, each followed in its own frame.
    expect(distances.seen.length).toBeGreaterThan(3);
    expect(Math.max(...distances.seen)).toBeLessThanOrEqual(40);
  });

  test('scrolling up stops following and offers "Jump to latest"; jumping follows again', async () => {
    const { screen, chat, list, distanceFromBottom, lastMessage } = await renderStreamingChat();
    void chat().send('A long answer, please');
    await expect.poll(() => list.scrollHeight, { timeout: 20_000 }).toBeGreaterThan(list.clientHeight * 3);
    expect(screen.container.querySelector('.gk-jump-latest')).toBeNull();

    list.scrollTop = list.scrollTop - 300;
    const jump = screen.getByRole('button', { name: 'Jump to latest' });
    await expect.element(jump).toBeVisible();
    const readingAt = list.scrollTop;
    await grownBy(list, 600);
    // The reader stays where they were while the answer keeps growing below.
    expect(list.scrollTop).toBe(readingAt);
    expect(distanceFromBottom()).toBeGreaterThan(600);

    await jump.click();
    await expect.poll(distanceFromBottom).toBeLessThanOrEqual(40);
    await expect.element(jump).not.toBeInTheDocument();
    // Keyboard focus stays in the list when the button goes away.
    expect(document.activeElement).toBe(list);
    const distances = distancesAfterAnchoring(list);
    await grownBy(list, 300);
    distances.stop();
    expect(distances.seen.length).toBeGreaterThan(1);
    expect(Math.max(...distances.seen)).toBeLessThanOrEqual(40);

    await waitForSettled(screen.container, lastMessage);
    // The final text lands with the final status; the list follows it in the same frame, before paint
    // (ResizeObserver), which is after the status is seen here.
    await expect.poll(distanceFromBottom).toBeLessThanOrEqual(40);
  });

  test('a wheel turned upwards stops following at once', async () => {
    const { screen, chat, list, distanceFromBottom } = await renderStreamingChat();
    void chat().send('A long answer, please');
    await expect.poll(() => list.scrollHeight, { timeout: 20_000 }).toBeGreaterThan(list.clientHeight * 2);
    await expect.poll(distanceFromBottom).toBeLessThanOrEqual(40);
    list.dispatchEvent(new WheelEvent('wheel', { deltaY: -40, bubbles: true }));
    await grownBy(list, 400);
    expect(distanceFromBottom()).toBeGreaterThan(300);
    expect(screen.container.querySelector('.gk-jump-latest')).not.toBeNull();
    chat().stop();
  });

  test('sending a message brings a reader who scrolled up back to the bottom', async () => {
    const { screen, list, distanceFromBottom, lastMessage } = await renderChat({
      height: 420,
      emulator: { pacing: { chunkSize: 400, delayMs: 1 } },
      options: { mode: 'stateless' },
      start: (conversation) => conversation.restore(savedConversation(20)),
    }).then((rendered) => {
      const element = rendered.screen.getByRole('region', { name: 'Messages' }).element() as HTMLElement;
      return {
        ...rendered,
        list: element,
        distanceFromBottom: () => element.scrollHeight - element.scrollTop - element.clientHeight,
        lastMessage: () => rendered.chat().conversation.getSnapshot().messages.at(-1),
      };
    });
    await expect.poll(() => list.querySelectorAll('article').length).toBe(40);
    await expect.poll(distanceFromBottom).toBeLessThanOrEqual(40);
    list.scrollTop = 0;
    await expect.element(screen.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
    await userEvent.click(screen.getByRole('textbox', { name: 'Message' }));
    await userEvent.keyboard('One more{Enter}');
    await waitForSettled(screen.container, lastMessage);
    await expect.poll(distanceFromBottom).toBeLessThanOrEqual(40);
    expect(screen.container.querySelector('.gk-jump-latest')).toBeNull();
  });

  test('a scroll up wins over content that grows in the same frame', async () => {
    const { screen } = await renderChat({
      height: 420,
      options: { mode: 'stateless' },
      start: (conversation) => conversation.restore(savedConversation(10)),
    });
    const list = screen.getByRole('region', { name: 'Messages' }).element() as HTMLElement;
    await expect.poll(() => list.querySelectorAll('article').length).toBe(20);
    await expect.poll(() => list.scrollHeight - list.scrollTop - list.clientHeight).toBeLessThanOrEqual(40);
    // The reader scrolls up, and before their scroll event arrives the last message grows (an image
    // loads, highlighting lands): the growth must not pull them back down. Done in an animation frame,
    // the growth is observed at the end of this frame, and the scroll event only comes in the next.
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        list.scrollTop = 100;
        (list.querySelector('article:last-of-type') as HTMLElement).style.paddingBottom = '300px';
        resolve();
      }),
    );
    await expect.element(screen.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
    expect(list.scrollTop).toBe(100);
  });

  test('a restored conversation opens at its newest message', async () => {
    const { screen } = await renderChat({
      height: 420,
      options: { mode: 'stateless' },
      start: (conversation) => conversation.restore(savedConversation(200)),
    });
    const list = screen.getByRole('region', { name: 'Messages' }).element() as HTMLElement;
    // Older messages render in batches after the newest: the whole list takes a while on a busy machine.
    await expect.poll(() => list.querySelectorAll('article').length, { timeout: 20_000 }).toBe(400);
    await expect.poll(() => list.scrollHeight - list.scrollTop - list.clientHeight).toBeLessThanOrEqual(40);
    expect(list.scrollTop).toBeGreaterThan(1000);
  });
});

/** Waiting helpers for play functions and browser tests: they wait on the DOM the user sees. */
import { expect, waitFor } from 'storybook/test';

const STREAM_TIMEOUT = 20_000;

/** The message articles, in order. */
export const articles = (root: Element) => [...root.querySelectorAll<HTMLElement>('article.gk-message')];

/** Waits until the `index`-th message (default: the last) has this status. */
export async function waitForStatus(root: Element, status: string, index = -1) {
  await waitFor(
    () => {
      const list = articles(root);
      const article = list.at(index);
      expect(article?.dataset.status).toBe(status);
    },
    { timeout: STREAM_TIMEOUT },
  );
  return articles(root).at(index) as HTMLElement;
}

/** Waits until the last answer has started arriving (some text is rendered). */
export async function waitForStreaming(root: Element) {
  await waitFor(
    () => {
      const last = articles(root).at(-1);
      expect(last?.dataset.status).toBe('streaming');
      expect(last?.querySelector('.gk-markdown')?.textContent?.length ?? 0).toBeGreaterThan(0);
    },
    { timeout: STREAM_TIMEOUT },
  );
}

/**
 * Waits until the list shows the conversation's last message as it is now, finished: the DOM has
 * caught up with the store (renders follow the frame clock, so a resolved `send()` is not enough).
 */
export async function waitForSettled(
  root: Element,
  lastMessage: () => { id: string; status: string } | undefined,
) {
  await waitFor(
    () => {
      const message = lastMessage();
      const article = articles(root).at(-1);
      expect(message).toBeDefined();
      expect(['submitted', 'streaming', 'pending']).not.toContain(message?.status);
      expect(article?.dataset.messageId).toBe(message?.id);
      expect(article?.dataset.status).toBe(message?.status);
    },
    { timeout: STREAM_TIMEOUT },
  );
}

import type { Page } from 'playwright-core';

/**
 * Starts recording, inside the page, every length the last answer's text takes while it streams: a mutation
 * observer sees each render, so the test can tell an answer that streamed in from one that appeared whole.
 */
export async function recordAnswerGrowth(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const lengths: number[] = [];
    (window as unknown as { __answerLengths: number[] }).__answerLengths = lengths;
    const observer = new MutationObserver(() => {
      const answers = document.querySelectorAll('article.gk-message-model');
      const last = answers[answers.length - 1] as HTMLElement | undefined;
      const markdown = last?.querySelector(':scope .gk-markdown') as HTMLElement | null | undefined;
      const length = markdown?.textContent?.length ?? 0;
      if (length > 0 && length !== lengths[lengths.length - 1]) lengths.push(length);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __answerLengths: number[] }).__answerLengths);
}

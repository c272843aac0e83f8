import { describe, expect, it } from 'vitest';
import { withBuiltDemo } from './support/fixture';
import { recordAnswerGrowth } from './support/observe';
import { visibleText } from './support/text';

const demo = withBuiltDemo();

describe('text generation and streaming', () => {
  it('answers a typed message, streaming the answer in as it arrives', async () => {
    const chat = await demo.open();
    const growth = await recordAnswerGrowth(chat.page);

    await chat.send('Tell me about the rivers of Europe. [emulator: words=400]');

    await expect.poll(() => chat.statusOf(chat.lastAnswer())).toBe('streaming');
    const answer = await chat.waitForLastAnswer('completed');
    const lengths = await growth();
    // Many renders of a growing text, not one finished text.
    expect(lengths.length).toBeGreaterThan(5);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(await chat.questionText()).toContain('Tell me about the rivers of Europe.');
    expect(await visibleText(answer)).toContain('About your message');
    // The chat is named after its first message.
    await expect.poll(() => chat.chatTitles()).toEqual(['Tell me about the rivers of Europe.']);
    // The answer was read off the main thread: the page's own resource timing lists no request to the route
    // (a worker's requests are not the page's), and the page started the network worker.
    const pageRequests = await chat.page.evaluate(() =>
      performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/v1beta/interactions')),
    );
    expect(pageRequests).toEqual([]);
    expect(chat.page.workers().length).toBeGreaterThan(0);
  });

  it('shows the thinking as a summary, closed until asked for', async () => {
    const chat = await demo.open();
    await chat.send('How many paws do two dogs have?');
    const answer = await chat.waitForLastAnswer();

    const thoughts = answer.getByRole('button', { name: 'Thoughts' });
    expect(await thoughts.getAttribute('aria-expanded')).toBe('false');
    await thoughts.click();
    expect(await thoughts.getAttribute('aria-expanded')).toBe('true');
    expect((await visibleText(answer.locator('.gk-thoughts-body'))).length).toBeGreaterThan(20);
  });

  it('shows the token usage of an answer on demand', async () => {
    const chat = await demo.open();
    await chat.send('Hello!');
    const answer = await chat.waitForLastAnswer();

    await answer.getByRole('button', { name: 'Show usage' }).click();
    const text = await visibleText(answer.locator('.gk-usage'));
    expect(text).toMatch(/Input\s+\d+ tokens/);
    expect(text).toMatch(/Output\s+\d+ tokens/);
    expect(text).toMatch(/Thinking\s+[\d,]+ tokens/);
    expect(text).toMatch(/Total\s+[\d,]+ tokens/);
  });

  it('starts from suggestions a first-time visitor can click', async () => {
    const chat = await demo.open();
    await chat.page.getByRole('heading', { name: 'What shall we try?' }).waitFor();
    await chat.button(/Write a haiku/).click();
    const answer = await chat.waitForLastAnswer();
    expect(await chat.questionText()).toBe('Write a haiku about TypeScript.');
    expect(await visibleText(answer)).toContain('Write a haiku about TypeScript.');
  });
});

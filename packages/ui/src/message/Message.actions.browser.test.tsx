import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { articles, waitForSettled } from '../test/play';
import { renderChat } from '../test/render-chat';
import { ThoughtSummary } from './ThoughtSummary';

const FAST = { pacing: { chunkSize: 200, delayMs: 1 } };

/** A chat with one finished turn; `settle()` waits until the DOM shows the store's newest message. */
async function chatWithOneTurn(question = 'Name a color.', options = {}) {
  const rendered = await renderChat({ emulator: FAST, options });
  const settle = () =>
    waitForSettled(rendered.screen.container, () =>
      rendered.chat().conversation.getSnapshot().messages.at(-1),
    );
  await rendered.chat().send(question);
  await settle();
  const within = (index: number) => articles(rendered.screen.container)[index] as HTMLElement;
  const button = (index: number, name: string) =>
    [...within(index).querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name) as
      | HTMLButtonElement
      | undefined;
  return { ...rendered, settle, within, button };
}

describe('message actions', () => {
  test('copy puts the answer (its markdown) on the clipboard and announces it', async () => {
    const { chat, screen, button, within } = await chatWithOneTurn();
    await userEvent.click(button(1, 'Copy') as HTMLElement);
    await expect
      .poll(() => within(1).querySelector('.gk-message-actions [role="status"]')?.textContent)
      .toBe('Copied');
    const pasteTarget = document.createElement('textarea');
    pasteTarget.setAttribute('aria-label', 'paste here');
    document.body.append(pasteTarget);
    await userEvent.click(pasteTarget);
    await userEvent.keyboard('{Control>}v{/Control}');
    expect(pasteTarget.value).toBe(chat().messages[1]?.text);
    pasteTarget.remove();
    expect(screen.container.textContent).toContain('Name a color.');
  });

  test('regenerate adds a branch; ‹ › switch between the answers and focus stays on the switcher', async () => {
    const { chat, settle, button, within } = await chatWithOneTurn();
    const first = chat().messages[1]?.id;
    await userEvent.click(button(1, 'Regenerate') as HTMLElement);
    await settle();
    expect(chat().messages[1]?.id).not.toBe(first);
    expect(within(1).querySelector('.gk-branches')?.textContent).toContain('2 of 2');
    // The new answer took the focus from the Regenerate button that went away with the old one.
    expect(within(1).contains(document.activeElement)).toBe(true);

    await userEvent.click(button(1, 'Previous version') as HTMLElement);
    await expect.poll(() => chat().messages[1]?.id).toBe(first);
    await expect.poll(() => within(1).querySelector('.gk-branches')?.textContent).toContain('1 of 2');
    expect(button(1, 'Previous version')?.disabled).toBe(true);
    await expect.poll(() => document.activeElement).toBe(button(1, 'Next version'));

    await userEvent.keyboard('{Enter}');
    await expect.poll(() => chat().messages[1]?.id).not.toBe(first);
    // At the last version "Next" is disabled: focus lands on "Previous".
    await expect.poll(() => document.activeElement).toBe(button(1, 'Previous version'));
  });

  test('edit sends a new version of a message as a branch, and keeps the old one', async () => {
    const { chat, settle, button, within, creates } = await chatWithOneTurn('Name a colour.');
    await userEvent.click(button(0, 'Edit') as HTMLElement);
    const field = within(0).querySelector('textarea') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe('Name a colour.');
    await userEvent.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}');
    await userEvent.keyboard('fruit.{Enter}');
    await settle();
    expect(chat().messages.map((message) => message.text)[0]).toBe('Name a fruit.');
    expect(within(0).querySelector('.gk-branches')?.textContent).toContain('2 of 2');
    expect(creates().at(-1)?.input).toBe('Name a fruit.');
    await userEvent.click(button(0, 'Previous version') as HTMLElement);
    await expect.poll(() => chat().messages[0]?.text).toBe('Name a colour.');
  });

  test('Escape cancels an edit and gives the focus back to the Edit button', async () => {
    const { button, within, creates } = await chatWithOneTurn();
    await userEvent.click(button(0, 'Edit') as HTMLElement);
    await userEvent.keyboard(' more{Escape}');
    expect(within(0).querySelector('textarea')).toBeNull();
    await expect.poll(() => document.activeElement).toBe(button(0, 'Edit'));
    expect(creates()).toHaveLength(1);
  });

  test('usage shows on demand', async () => {
    const { button, within } = await chatWithOneTurn();
    const toggle = button(1, 'Show usage') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(1).querySelector('.gk-usage')).toBeNull();
    await userEvent.click(toggle);
    const usage = within(1).querySelector('.gk-usage') as HTMLElement;
    expect(usage.textContent).toMatch(/Input\d[\d,]* tokens/);
    expect(usage.textContent).toMatch(/Output\d[\d,]* tokens/);
    expect(button(1, 'Hide usage')?.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('thinking', () => {
  test('the summary streams behind a disclosure that says "Thinking…", then "Thoughts"', async () => {
    const { screen, chat } = await renderChat({
      emulator: { pacing: { chunkSize: 4, delayMs: 10 } },
      options: { generation_config: { thinking_level: 'high', thinking_summaries: 'auto' } },
    });
    void chat().send('Why is the sky blue?');
    const thinking = screen.getByRole('button', { name: 'Thinking…' });
    await expect.element(thinking).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(thinking);
    await expect.element(thinking).toHaveAttribute('aria-expanded', 'true');
    await waitForSettled(screen.container, () => chat().conversation.getSnapshot().messages.at(-1));
    const done = screen.getByRole('button', { name: 'Thoughts' });
    await expect.element(done).toHaveAttribute('aria-expanded', 'true');
    const body = screen.container.querySelector('.gk-thoughts-body') as HTMLElement;
    expect(body.textContent).toBe(
      (screen.container.querySelector('.gk-thoughts-body .gk-markdown') as HTMLElement).textContent,
    );
    expect(body.textContent?.length ?? 0).toBeGreaterThan(20);
    await userEvent.click(done);
    expect(body.hidden).toBe(true);
  });

  test('ThoughtSummary on its own: collapsed by default, nothing rendered until opened', async () => {
    const screen = await render(<ThoughtSummary text="**Step one**, then two." />);
    const toggle = screen.getByRole('button', { name: 'Thoughts' });
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.container.querySelector('strong')).toBeNull();
    await userEvent.click(toggle);
    expect(screen.container.querySelector('strong')?.textContent).toBe('Step one');
  });
});

import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mixedMarkdown } from '../markdown/test/long-answers';
import { savedConversation } from '../test/conversation-fixtures';
import { articles, waitForSettled, waitForStatus, waitForStreaming } from '../test/play';
import { messageElements, renderChat } from '../test/render-chat';

const LONG = mixedMarkdown(20_000);
/** Slow enough that a stop lands mid-answer. */
const SLOW = { pacing: { chunkSize: 12, delayMs: 15 }, responder: () => LONG };

describe('sending', () => {
  test('Enter sends; the answer streams into a model message and completes', async () => {
    const { screen, creates } = await renderChat();
    const input = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.click(input);
    await userEvent.keyboard('Hello there{Enter}');
    await expect.element(input).toHaveValue('');
    await expect.poll(() => messageElements(screen.container).map((m) => m.role)).toEqual(['user', 'model']);
    await waitForStatus(screen.container, 'completed');
    const [user, model] = messageElements(screen.container);
    expect(user?.text).toContain('Hello there');
    expect(model?.element.querySelector('.gk-markdown')?.textContent).toContain('Hello there');
    expect(creates()).toHaveLength(1);
    expect(creates()[0]?.input).toBe('Hello there');
  });

  test('Shift+Enter adds a line; the send button sends both lines', async () => {
    const { screen, creates } = await renderChat();
    const input = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.click(input);
    await userEvent.keyboard('first line{Shift>}{Enter}{/Shift}second line');
    await expect.element(input).toHaveValue('first line\nsecond line');
    expect(creates()).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitForStatus(screen.container, 'completed');
    expect(creates()[0]?.input).toBe('first line\nsecond line');
  });

  test('an empty draft does not send, and the send button says why', async () => {
    const { screen, creates } = await renderChat();
    const send = screen.getByRole('button', { name: 'Send' });
    await expect.element(send).toHaveAttribute('aria-disabled', 'true');
    await expect.element(send).toHaveAccessibleDescription('Type a message or attach a file to send.');
    // aria-disabled keeps it focusable and clickable, so the click can explain (Playwright would refuse it).
    (send.element() as HTMLButtonElement).click();
    await userEvent.click(screen.getByRole('textbox', { name: 'Message' }));
    await userEvent.keyboard('   {Enter}');
    await expect
      .element(screen.getByText('Type a message or attach a file to send.', { exact: true }).last())
      .toBeVisible();
    expect(creates()).toHaveLength(0);
  });

  test('while an answer streams, Enter keeps the draft instead of sending', async () => {
    const { screen, chat, creates } = await renderChat({ emulator: SLOW });
    void chat().send('first');
    await waitForStreaming(screen.container);
    const input = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.click(input);
    await userEvent.keyboard('next question{Enter}');
    await expect.element(input).toHaveValue('next question');
    expect(creates()).toHaveLength(1);
    chat().stop();
  });

  test('a disabled composer says why and sends nothing', async () => {
    const { screen, creates } = await renderChat({ props: { disabledReason: 'Sign in to chat.' } });
    const input = screen.getByRole('textbox', { name: 'Message' });
    await expect.element(screen.getByText('Sign in to chat.', { exact: true }).first()).toBeVisible();
    await expect.element(input).toHaveAttribute('readonly');
    await expect.element(input).toHaveAccessibleDescription(/Sign in to chat\./);
    (input.element() as HTMLElement).focus();
    await userEvent.keyboard('hello{Enter}');
    (screen.getByRole('button', { name: 'Send' }).element() as HTMLButtonElement).click();
    await expect.element(input).toHaveValue('');
    expect(creates()).toHaveLength(0);
  });
});

describe('stopping and retrying', () => {
  test('Escape stops the stream: the answer keeps its text, is marked stopped, and is cancelled upstream', async () => {
    const { screen, chat, emulator } = await renderChat({ emulator: SLOW });
    void chat().send('a long one');
    await waitForStreaming(screen.container);
    await userEvent.click(screen.getByRole('textbox', { name: 'Message' }));
    await userEvent.keyboard('{Escape}');
    const stopped = await waitForStatus(screen.container, 'cancelled');
    expect(stopped.textContent).toContain('Stopped');
    expect(stopped.querySelector('.gk-markdown')?.textContent?.length ?? 0).toBeGreaterThan(0);
    await expect
      .poll(() => emulator.requests.some((r) => r.method === 'POST' && r.path.endsWith('/cancel')))
      .toBe(true);
    await expect.element(screen.getByRole('button', { name: 'Send' })).toBeVisible();
  });

  test('the Stop button stops; Retry answers the same question again', async () => {
    const { screen, chat, creates } = await renderChat({ emulator: SLOW });
    void chat().send('the question');
    await waitForStreaming(screen.container);
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    const stopped = await waitForStatus(screen.container, 'cancelled');
    const retry = stopped.querySelector('button.gk-button') as HTMLButtonElement;
    expect(retry.textContent).toBe('Retry');
    await userEvent.click(retry);
    await waitForStatus(screen.container, 'streaming');
    chat().stop();
    await waitForStatus(screen.container, 'cancelled');
    expect(articles(screen.container)).toHaveLength(2);
    expect(creates().map((body) => body.input)).toEqual(['the question', 'the question']);
  });

  test('a 429 shows when to retry, keeps the message, and Retry sends it again', async () => {
    const { screen, chat, emulator } = await renderChat();
    emulator.injectFault({
      type: 'status',
      status: 429,
      retryAfterSeconds: 7,
      match: { method: 'POST', path: '/v1beta/interactions' },
    });
    await userEvent.click(screen.getByRole('textbox', { name: 'Message' }));
    await userEvent.keyboard('Are you there?{Enter}');
    const alert = () => screen.container.querySelector<HTMLElement>('[role="alert"]');
    await expect
      .poll(() => alert()?.textContent)
      .toContain('Too many requests right now. Try again in 7 seconds.');
    const [user] = messageElements(screen.container);
    expect(user?.text).toContain('Are you there?');
    expect(user?.text).toContain('Not sent');
    await userEvent.click(alert()?.querySelector('button') as HTMLElement);
    await waitForSettled(screen.container, () => chat().conversation.getSnapshot().messages.at(-1));
    expect(chat().conversation.getSnapshot().messages.at(-1)?.status).toBe('completed');
    expect(screen.container.querySelector('[role="alert"]')).toBeNull();
    expect(screen.container.textContent).not.toContain('Not sent');
  });

  test('an error mid-stream keeps the partial answer and says what failed', async () => {
    const { screen, emulator } = await renderChat();
    emulator.injectFault({ type: 'error', afterEvents: 8, message: 'The model overheated' });
    await userEvent.click(screen.getByRole('textbox', { name: 'Message' }));
    await userEvent.keyboard('Go{Enter}');
    const failed = await waitForStatus(screen.container, 'error');
    expect(failed.querySelector('[role="alert"]')?.textContent).toContain(
      'The answer failed while it was being written.',
    );
    expect(failed.querySelector('[role="alert"]')?.textContent).toContain('The model overheated');
  });
});

describe('announcements', () => {
  /** Every text the polite announcer region took, in order. */
  function recordAnnouncements(container: Element) {
    const region = container.querySelector('.gk-message-list > [aria-live="polite"]') as HTMLElement;
    const heard: string[] = [];
    new MutationObserver(() => {
      if (region.textContent) heard.push(region.textContent);
    }).observe(region, { childList: true, characterData: true, subtree: true });
    return heard;
  }

  test('a finished answer is announced once, as rendered text, never token by token', async () => {
    const { screen, chat } = await renderChat({
      emulator: {
        pacing: { chunkSize: 8, delayMs: 4 },
        responder: () => 'The **answer** is `42`, as always.',
      },
    });
    const heard = recordAnnouncements(screen.container);
    void chat().send('What is the answer?');
    await waitForSettled(screen.container, () => chat().conversation.getSnapshot().messages.at(-1));
    await expect.poll(() => heard).toEqual(['Gemini answered: The answer is 42, as always.']);
  });

  test('a stopped answer is announced as stopped; a failure is left to its alert', async () => {
    const { screen, chat, emulator } = await renderChat({ emulator: SLOW });
    const heard = recordAnnouncements(screen.container);
    void chat().send('long');
    await waitForStreaming(screen.container);
    chat().stop();
    await expect.poll(() => heard).toEqual(['Answer stopped']);
    emulator.injectFault({
      type: 'status',
      status: 500,
      match: { method: 'POST', path: '/v1beta/interactions' },
    });
    void chat().send('again');
    await waitForStatus(screen.container, 'error');
    expect(heard).toEqual(['Answer stopped']);
  });

  test('a restored conversation announces nothing', async () => {
    const { screen } = await renderChat({
      options: { mode: 'stateless' },
      start: (conversation) => conversation.restore(savedConversation(3)),
    });
    const heard = recordAnnouncements(screen.container);
    await expect.poll(() => articles(screen.container).length).toBe(6);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(heard).toEqual([]);
  });
});

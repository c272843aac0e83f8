import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { messageElements, renderChat } from '../test/render-chat';

describe('a conversation in <Chat>', () => {
  test('Enter sends; the answer streams into a model message and completes', async () => {
    const { screen, creates } = await renderChat();
    const input = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.click(input);
    await userEvent.keyboard('Hello there{Enter}');
    await expect.element(input).toHaveValue('');
    await expect.poll(() => messageElements(screen.container).map((m) => m.role)).toEqual(['user', 'model']);
    await expect
      .poll(() => messageElements(screen.container)[1]?.status, { timeout: 10_000 })
      .toBe('completed');
    const [user, model] = messageElements(screen.container);
    expect(user?.text).toContain('Hello there');
    expect(model?.element.querySelector('.gk-markdown')?.textContent).toContain('Hello there');
    expect(creates()).toHaveLength(1);
    expect(creates()[0]?.input).toBe('Hello there');
  });
});

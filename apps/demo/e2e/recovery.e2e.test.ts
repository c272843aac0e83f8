import { describe, expect, it } from 'vitest';
import { withBuiltDemo } from './support/fixture';
import { visibleText } from './support/text';

const demo = withBuiltDemo();
const LONG = '[emulator: words=1200] Tell me everything about rivers.';

describe('stop, failure and retry', () => {
  it('stops a streaming answer (upstream too), keeps it across a reload, and retries it', async () => {
    const chat = await demo.open();
    await chat.send(LONG);
    await expect.poll(async () => (await visibleText(chat.lastAnswer())).length).toBeGreaterThan(300);
    const cancelsBefore = demo.demo.emulator.stats.cancels;

    await chat.button('Stop').click();
    const stopped = await chat.waitForLastAnswer('cancelled');
    expect(await visibleText(stopped)).toContain('Stopped');
    const kept = await visibleText(stopped.locator('.gk-markdown'));
    expect(kept.length).toBeGreaterThan(300);
    // Stop cancels the generation on the server, not just the connection.
    await expect.poll(() => demo.demo.emulator.stats.cancels).toBe(cancelsBefore + 1);

    await chat.page.reload();
    const reloaded = await chat.waitForLastAnswer('cancelled');
    expect(await visibleText(reloaded.locator('.gk-markdown'))).toBe(kept);
    expect(await chat.questions().count()).toBe(1);

    await reloaded.getByRole('button', { name: 'Retry' }).click();
    await chat.waitForLastAnswer('completed', 30_000);
    expect(await chat.questions().count()).toBe(1);
    expect(await chat.answers().count()).toBe(1);
  });

  it('keeps a message being written across a reload and a switch to another chat, per chat', async () => {
    const chat = await demo.open();
    await chat.send('First chat.');
    await chat.waitForLastAnswer();
    await chat.composer.pressSequentially('A long question I have not finished');
    await chat.page.reload();
    await expect.poll(() => chat.composer.inputValue()).toBe('A long question I have not finished');

    await chat.button('New chat').click();
    await expect.poll(() => chat.composer.inputValue()).toBe('');
    await chat
      .sidebar()
      .getByRole('button', { name: /First chat\./ })
      .first()
      .click();
    await expect.poll(() => chat.composer.inputValue()).toBe('A long question I have not finished');
    // The draft shows at once; sending waits until the chat's messages have loaded (the composer says so).
    await expect.poll(() => chat.questionText('first')).toBe('First chat.');
    await expect.poll(() => chat.button('Send').getAttribute('aria-disabled')).not.toBe('true');
    await chat.composer.press('Enter');
    // The first answer is already complete: wait for the second one to be there before waiting on it.
    await expect.poll(() => chat.answers().count()).toBe(2);
    await chat.waitForLastAnswer();
    expect(await chat.composer.inputValue()).toBe('');
    await chat.page.reload();
    await expect.poll(() => chat.questions().count()).toBe(2);
    expect(await chat.questionText('last')).toBe('A long question I have not finished');
    expect(await chat.composer.inputValue()).toBe('');
  });

  it('Escape in the composer stops the answer', async () => {
    const chat = await demo.open();
    await chat.send(LONG);
    await expect.poll(() => chat.statusOf(chat.lastAnswer())).toBe('streaming');
    await chat.composer.press('Escape');
    await chat.waitForLastAnswer('cancelled');
  });

  it('keeps a turn that failed mid-answer, with its error, across a reload; Retry answers it', async () => {
    const chat = await demo.open();
    demo.demo.emulator.injectFault({
      type: 'error',
      afterEvents: 8,
      message: 'The model tripped over a rock.',
      match: { method: 'POST', path: '/v1beta/interactions' },
    });
    await chat.send('Describe a waterfall.');
    const failed = await chat.waitForLastAnswer('error');
    const alert = failed.getByRole('alert');
    expect(await visibleText(alert)).toContain('The answer failed while it was being written.');

    await chat.page.reload();
    const reloaded = await chat.waitForLastAnswer('error');
    expect(await visibleText(reloaded.getByRole('alert'))).toContain(
      'The answer failed while it was being written.',
    );
    expect(await chat.questionText()).toContain('Describe a waterfall.');

    await reloaded.getByRole('button', { name: 'Retry' }).click();
    const answer = await chat.waitForLastAnswer('completed');
    expect(await visibleText(answer)).toContain('Describe a waterfall.');
    expect(await chat.questions().count()).toBe(1);
  });

  it('says when the API is busy (429 with Retry-After) and keeps the unsent message for a retry', async () => {
    const chat = await demo.open();
    demo.demo.emulator.injectFault({
      type: 'status',
      status: 429,
      retryAfterSeconds: 60,
      match: { method: 'POST', path: '/v1beta/interactions' },
    });
    await chat.send('Are you there?');
    const failed = await chat.waitForLastAnswer('error');
    expect(await visibleText(failed.getByRole('alert'))).toContain('Try again in 60 seconds.');
    expect(await visibleText(chat.questions().last())).toContain('Not sent');

    await failed.getByRole('button', { name: 'Retry' }).click();
    await chat.waitForLastAnswer('completed');
    expect(await visibleText(chat.questions().last())).not.toContain('Not sent');
  });
});

import { describe, expect, it } from 'vitest';
import { withBuiltDemo } from './support/fixture';
import { visibleText } from './support/text';

const demo = withBuiltDemo();

describe('the chat widget on a sample page', () => {
  it('opens from its floating button, streams an answer, and closes with Escape', async () => {
    const chat = await demo.open('/widget');
    const page = chat.page;
    await page.getByRole('heading', { name: 'Trailhead Ultralight 2' }).waitFor();
    const launcher = page.getByRole('button', { name: 'Ask about this tent' });
    await launcher.click();

    const dialog = page.getByRole('dialog', { name: 'Ask about this tent' });
    await dialog.waitFor();
    const input = dialog.getByRole('textbox', { name: 'Message' });
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill('Will it survive a windy ridge?');
    await input.press('Enter');

    const answer = await chat.waitForLastAnswer();
    const text = await visibleText(answer);
    expect(text).toContain('Will it survive a windy ridge?');
    // The page's own system instruction went with it.
    expect(text).toContain('Trailhead Outfitters');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => launcher.evaluate((element) => element === document.activeElement)).toBe(true);

    // The widget's conversation is kept, like the app's.
    await page.reload();
    await page.getByRole('button', { name: 'Ask about this tent' }).click();
    await chat.waitForLastAnswer();
    expect(await chat.questionText()).toBe('Will it survive a windy ridge?');
  });
});

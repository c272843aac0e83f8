import { describe, expect, it } from 'vitest';
import type { DemoPage } from './support/demo-page';
import { withBuiltDemo } from './support/fixture';
import { visibleText } from './support/text';

const demo = withBuiltDemo();

async function openSettings(chat: DemoPage) {
  await chat.button('Settings').click();
  return chat.page.getByRole('dialog', { name: 'Settings' });
}

describe('the settings dialog', () => {
  it('sends the system instruction, temperature, thinking level and model it saves', async () => {
    const chat = await demo.open();
    const dialog = await openSettings(chat);
    await dialog.getByLabel('Model').selectOption('gemini-2.5-flash');
    await dialog.getByLabel('System instruction').fill('Answer like a pirate.');
    await dialog.getByLabel('Temperature').fill('0.3');
    await dialog.getByLabel('Thinking', { exact: true }).selectOption('low');
    await dialog.getByRole('button', { name: 'Save' }).click();
    expect(await dialog.isVisible()).toBe(false);

    await chat.send('Where is the treasure?');
    const answer = await chat.waitForLastAnswer();
    const text = await visibleText(answer);
    expect(text).toContain('Instructions I am following');
    expect(text).toContain('Answer like a pirate.');
    expect(text).toContain('gemini-2.5-flash');

    const body = await chat.recordedCreateBody();
    expect(body).toMatchObject({
      model: 'gemini-2.5-flash',
      system_instruction: 'Answer like a pirate.',
      generation_config: { temperature: 0.3, thinking_level: 'low', thinking_summaries: 'auto' },
      stream: true,
    });
  });

  it('stops sending a setting once it is cleared, and keeps the settings per chat across a reload', async () => {
    const chat = await demo.open();
    let dialog = await openSettings(chat);
    await dialog.getByLabel('System instruction').fill('Be brief.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await chat.send('First question');
    await chat.waitForLastAnswer();
    expect(await chat.recordedCreateBody()).toHaveProperty('system_instruction', 'Be brief.');

    await chat.page.reload();
    dialog = await openSettings(chat);
    expect(await dialog.getByLabel('System instruction').inputValue()).toBe('Be brief.');
    await dialog.getByLabel('System instruction').fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();

    await chat.send('Second question');
    const answer = await chat.waitForLastAnswer();
    expect(await visibleText(answer)).not.toContain('Instructions I am following');
    expect(await chat.recordedCreateBody()).not.toHaveProperty('system_instruction');
  });

  it('cancels edits with Cancel, leaving the settings as they were', async () => {
    const chat = await demo.open();
    let dialog = await openSettings(chat);
    await dialog.getByLabel('System instruction').fill('Never saved.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    dialog = await openSettings(chat);
    expect(await dialog.getByLabel('System instruction').inputValue()).toBe('');
  });

  it('sends top P, max output tokens, stop sequences and seed from the generation parameters dialog', async () => {
    const chat = await demo.open();
    await chat.button('Generation parameters').click();
    const dialog = chat.page.getByRole('dialog', { name: 'Generation parameters' });
    await dialog.getByLabel('Top P').fill('1.5');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // Refused with the reason, the dialog still open.
    expect(await visibleText(dialog.getByRole('alert'))).toBe('Top P is a number from 0 to 1.');

    await dialog.getByLabel('Top P').fill('0.5');
    await dialog.getByLabel('Max output tokens').fill('24');
    await dialog.getByLabel('Stop sequences').fill('STOP\nEND');
    await dialog.getByLabel('Seed').fill('7');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await chat.send('Tell me a long story.');
    const answer = await chat.waitForLastAnswer();
    expect(await chat.recordedCreateBody()).toMatchObject({
      generation_config: {
        top_p: 0.5,
        max_output_tokens: 24,
        stop_sequences: ['STOP', 'END'],
        seed: 7,
        thinking_summaries: 'auto',
      },
    });
    // The answer was cut at 24 tokens.
    await answer.getByRole('button', { name: 'Show usage' }).click();
    const output = /Output\s+(\d+) tokens/.exec(await visibleText(answer.locator('.gk-usage')));
    expect(Number(output?.[1])).toBeLessThanOrEqual(24);

    // The settings dialog keeps them when it saves its own fields.
    await chat.button('Settings').click();
    const settings = chat.page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Temperature').fill('0.9');
    await settings.getByRole('button', { name: 'Save' }).click();
    await chat.send('Again.');
    await chat.waitForLastAnswer();
    expect(await chat.recordedCreateBody()).toMatchObject({
      generation_config: { temperature: 0.9, top_p: 0.5, max_output_tokens: 24, seed: 7 },
    });
  });
});

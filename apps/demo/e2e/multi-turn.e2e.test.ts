import { describe, expect, it } from 'vitest';
import type { DemoPage } from './support/demo-page';
import { withBuiltDemo } from './support/fixture';
import { visibleText } from './support/text';

const demo = withBuiltDemo();

/** Clicks the header's mode switch, and waits until the conversation has taken the new mode. */
async function setMode(chat: DemoPage, mode: 'Stateful' | 'Stateless') {
  const radio = chat.page
    .getByRole('radiogroup', { name: 'Multi-turn mode' })
    .getByRole('radio', { name: mode });
  await radio.click();
  await expect.poll(() => radio.getAttribute('aria-checked')).toBe('true');
}

async function interactionIdOfShownTurn(chat: DemoPage): Promise<string> {
  const panel = await chat.openInspectorTab('Events');
  return visibleText(panel.getByTestId('turn-interaction'));
}

describe('multi-turn conversations', () => {
  it('stateful: the server keeps the history, each turn names the previous one', async () => {
    const chat = await demo.open();
    await chat.send('I have 2 dogs in my house.');
    await chat.waitForLastAnswer();
    const firstId = await interactionIdOfShownTurn(chat);

    await chat.send('How many paws are in my house?');
    const answer = await chat.waitForLastAnswer();
    // The emulator quotes the earlier turns it was given: here, from the server's own store.
    expect(await visibleText(answer)).toContain('I have 2 dogs in my house.');
    const body = await chat.recordedCreateBody();
    expect(body.previous_interaction_id).toBe(firstId);
    expect(body.input).toBe('How many paws are in my house?');
    expect(body).not.toHaveProperty('store');
  });

  it('stateless: a visible switch; the browser sends the whole history, which the inspector shows', async () => {
    const chat = await demo.open();
    await chat.send('I have 2 dogs in my house.');
    await chat.waitForLastAnswer();
    await setMode(chat, 'Stateless');

    // Before sending: the history the next turn will carry, computed by @gemkit/core.
    const history = await chat.openInspectorTab('History');
    await expect.poll(() => visibleText(history)).toContain('Stateless: nothing is stored on the server');
    const preview = JSON.parse(await visibleText(history.locator('pre.demo-json'))) as {
      store: boolean;
      input: { type: string; content?: { text?: string }[] }[];
    };
    expect(preview.store).toBe(false);
    expect(preview.input.map((step) => step.type)).toEqual([
      'user_input',
      'thought',
      'model_output',
      'user_input',
    ]);
    expect(preview.input[0]?.content?.[0]?.text).toBe('I have 2 dogs in my house.');

    await chat.send('How many paws are in my house?');
    const answer = await chat.waitForLastAnswer();
    expect(await visibleText(answer)).toContain('I have 2 dogs in my house.');
    const body = (await chat.recordedCreateBody()) as { store: boolean; input: { type: string }[] };
    expect(body.store).toBe(false);
    expect(body).not.toHaveProperty('previous_interaction_id');
    expect(body.input.map((step) => step.type)).toEqual([
      'user_input',
      'thought',
      'model_output',
      'user_input',
    ]);

    // The inspector says the turn was not stored, and the sidebar marks the chat.
    const events = await chat.openInspectorTab('Events');
    expect(await visibleText(events.locator('.demo-turn-facts'))).toContain('no (store: false)');
    await expect
      .poll(() => visibleText(chat.sidebar().locator('.demo-conversation-meta').first()))
      .toContain('stateless');

    // The choice is the chat's: it survives a reload.
    await chat.page.reload();
    const stateless = chat.page.getByRole('radio', { name: 'Stateless' });
    await expect.poll(() => stateless.getAttribute('aria-checked')).toBe('true');
  });

  it('switching back to stateful sends the local history once, then points at the stored turn', async () => {
    const chat = await demo.open();
    await setMode(chat, 'Stateless');
    await chat.send('My cat is called Miso.');
    await chat.waitForLastAnswer();
    await setMode(chat, 'Stateful');

    await chat.send('What is my cat called?');
    const answer = await chat.waitForLastAnswer();
    expect(await visibleText(answer)).toContain('My cat is called Miso.');
    const first = (await chat.recordedCreateBody()) as { input: unknown[] };
    expect(first).not.toHaveProperty('previous_interaction_id');
    expect(Array.isArray(first.input)).toBe(true);
    const anchor = await interactionIdOfShownTurn(chat);

    await chat.send('And how old is she?');
    await chat.waitForLastAnswer();
    expect(await chat.recordedCreateBody()).toMatchObject({ previous_interaction_id: anchor });
  });
});

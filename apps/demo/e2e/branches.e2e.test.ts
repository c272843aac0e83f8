import { describe, expect, it } from 'vitest';
import { withBuiltDemo } from './support/fixture';
import { visibleText } from './support/text';

const demo = withBuiltDemo();

describe('regenerate and edit, with branches', () => {
  it('regenerates an answer as a new version, and switches back to the first', async () => {
    const chat = await demo.open();
    await chat.send('Name a river.');
    const first = await chat.waitForLastAnswer();
    await first.getByRole('button', { name: 'Regenerate' }).click();
    const second = await chat.waitForLastAnswer();

    expect(await chat.answers().count()).toBe(1);
    expect(await visibleText(second.locator('.gk-branches'))).toContain('2 of 2');
    const secondTurn = await chat.openInspectorTab('Events');
    const secondId = await visibleText(secondTurn.getByTestId('turn-interaction'));

    await second.getByRole('button', { name: 'Previous version' }).click();
    await expect.poll(() => visibleText(chat.lastAnswer().locator('.gk-branches'))).toContain('1 of 2');
    const firstId = await visibleText(secondTurn.getByTestId('turn-interaction'));
    expect(firstId).not.toBe(secondId);
  });

  it('edits a sent message into a new branch, keeping the original one reachable', async () => {
    const chat = await demo.open();
    await chat.send('I have 2 dogs.');
    await chat.waitForLastAnswer();
    await chat.send('How many paws?');
    await chat.waitForLastAnswer();

    const question = chat.questions().first();
    await question.getByRole('button', { name: 'Edit' }).click();
    const editor = chat.page.getByRole('textbox', { name: 'Edit your message' });
    await editor.fill('I have 3 cats.');
    await chat.page.getByRole('button', { name: 'Send', exact: true }).first().click();

    const answer = await chat.waitForLastAnswer();
    expect(await chat.questions().count()).toBe(1);
    expect(await chat.questionText('first')).toContain('I have 3 cats.');
    expect(await visibleText(answer)).toContain('I have 3 cats.');
    expect(await visibleText(chat.questions().first().locator('.gk-branches'))).toContain('2 of 2');

    await chat.questions().first().getByRole('button', { name: 'Previous version' }).click();
    await expect.poll(() => chat.questions().count()).toBe(2);
    expect(await chat.questionText('first')).toContain('I have 2 dogs.');
    expect(await chat.questionText()).toContain('How many paws?');

    // Branches are saved like everything else.
    await chat.page.reload();
    await expect.poll(() => chat.questions().count()).toBe(2);
    expect(await visibleText(chat.questions().first().locator('.gk-branches'))).toContain('1 of 2');
  });
});

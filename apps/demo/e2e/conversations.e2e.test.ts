import { describe, expect, it } from 'vitest';
import { DemoPage } from './support/demo-page';
import { withBuiltDemo } from './support/fixture';
import { visibleText } from './support/text';

const demo = withBuiltDemo();

/**
 * What one tab saves reaches the other through IndexedDB, a BroadcastChannel and a render: under a full test
 * run on two cores that chain can take longer than expect.poll's default second.
 */
const acrossTabs = { timeout: 10_000 };

/** The page of `first` opened again in a second tab of the same browser: one IndexedDB, one BroadcastChannel. */
async function secondTab(first: Awaited<ReturnType<typeof demo.open>>): Promise<DemoPage> {
  const page = await first.session.context.newPage();
  await page.goto(first.page.url());
  return new DemoPage(page);
}

/** The ids of the chats whose messages are stored in this browser's IndexedDB. */
function storedChatIds(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('gemkit-demo');
        request.onsuccess = () => {
          const keys = request.result.transaction('conversations').objectStore('conversations').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => reject(keys.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

describe('the conversation list', () => {
  it('creates, renames and deletes chats, all kept in the browser across reloads', async () => {
    const chat = await demo.open();
    await chat.send('Plan a walk in the Alps.');
    await chat.waitForLastAnswer();

    await chat.button('New chat').click();
    await expect.poll(() => chat.chatTitles()).toEqual(['New chat', 'Plan a walk in the Alps.']);
    expect(await chat.answers().count()).toBe(0);
    await chat.send('Recipe for bread.');
    await chat.waitForLastAnswer();
    await expect.poll(() => chat.chatTitles()).toEqual(['Recipe for bread.', 'Plan a walk in the Alps.']);

    await chat.button('Rename “Recipe for bread.”').click();
    const name = chat.page.getByRole('textbox', { name: 'Chat name' });
    await name.fill('Baking');
    await name.press('Enter');
    await expect.poll(() => chat.chatTitles()).toEqual(['Baking', 'Plan a walk in the Alps.']);

    await chat.page.reload();
    await expect.poll(() => chat.chatTitles()).toEqual(['Baking', 'Plan a walk in the Alps.']);
    // The selected chat is the one that was open, with its messages.
    expect(await visibleText(chat.page.getByRole('heading', { level: 1 }))).toBe('Baking');
    expect(await chat.questionText('first')).toBe('Recipe for bread.');

    await chat
      .sidebar()
      .getByRole('button', { name: /Plan a walk in the Alps/ })
      .first()
      .click();
    await expect.poll(() => chat.questionText('first')).toContain('Plan a walk in the Alps.');
    expect(await chat.answers().count()).toBe(1);
    expect(await storedChatIds(chat.page)).toHaveLength(2);

    await chat.button('Delete “Baking”').click();
    await chat.sidebar().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => chat.chatTitles()).toEqual(['Plan a walk in the Alps.']);
    await expect.poll(() => storedChatIds(chat.page)).toHaveLength(1);

    await chat.page.reload();
    await expect.poll(() => chat.chatTitles()).toEqual(['Plan a walk in the Alps.']);
  });

  it('two tabs keep one list: a chat made, renamed or deleted in one shows in the other, and survives it', async () => {
    const first = await demo.open();
    await first.send('Plan a walk in the Alps.');
    await first.waitForLastAnswer();
    const second = await secondTab(first);
    await expect.poll(() => second.chatTitles(), acrossTabs).toEqual(['Plan a walk in the Alps.']);

    await second.button('New chat').click();
    await second.send('Recipe for bread.');
    await second.waitForLastAnswer();
    await expect
      .poll(() => first.chatTitles(), acrossTabs)
      .toEqual(['Recipe for bread.', 'Plan a walk in the Alps.']);
    // Each tab keeps its own chat open.
    expect(await first.questionText('first')).toBe('Plan a walk in the Alps.');

    // A change in the first tab, made after the second tab's, does not undo it.
    await first.button('Rename “Plan a walk in the Alps.”').click();
    const name = first.page.getByRole('textbox', { name: 'Chat name' });
    await name.fill('Alps');
    await name.press('Enter');
    await expect.poll(() => second.chatTitles(), acrossTabs).toEqual(['Recipe for bread.', 'Alps']);

    await second.button('Delete “Recipe for bread.”').click();
    await second.sidebar().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => first.chatTitles(), acrossTabs).toEqual(['Alps']);
    await second.page.close();
    await first.page.reload();
    await expect.poll(() => first.chatTitles()).toEqual(['Alps']);
  });

  it('the same chat in two tabs: what one adds shows in the other, whose next message keeps it', async () => {
    const first = await demo.open();
    await first.send('Plan a walk in the Alps.');
    await first.waitForLastAnswer();
    const second = await secondTab(first);
    await expect.poll(() => second.questions().count(), acrossTabs).toBe(1);

    // The first tab goes on; the second, idle, shows it without a reload.
    await first.send('And one in the Pyrenees.');
    await first.waitForLastAnswer();
    await expect.poll(() => second.questions().count(), acrossTabs).toBe(2);
    await second.waitForLastAnswer();
    expect(await second.questionText('last')).toBe('And one in the Pyrenees.');

    // The second tab's message follows the first tab's, and the first tab gets it too: nothing overwritten,
    // and shown in place — the first tab never blinks to an empty chat on the way.
    await first.page.evaluate(() => {
      const count = () => document.querySelectorAll('article.gk-message-user').length;
      const seen = { fewest: count() };
      new MutationObserver(() => {
        seen.fewest = Math.min(seen.fewest, count());
      }).observe(document.body, { childList: true, subtree: true });
      (window as unknown as { questionsSeen: typeof seen }).questionsSeen = seen;
    });
    await second.send('Which is easier?');
    await second.waitForLastAnswer();
    await expect.poll(() => first.questions().count(), acrossTabs).toBe(3);
    expect(
      await first.page.evaluate(
        () => (window as unknown as { questionsSeen: { fewest: number } }).questionsSeen.fewest,
      ),
    ).toBe(2);
    await second.page.close();
    await first.page.reload();
    await expect.poll(() => first.questions().count()).toBe(3);
    expect(await first.questionText('first')).toBe('Plan a walk in the Alps.');
    expect(await first.questionText('last')).toBe('Which is easier?');
  });

  it('deleting a chat deletes the interactions the API stored for it, every branch included', async () => {
    const chat = await demo.open();
    const logged = demo.demo.emulator.requests.length;
    await chat.send('Plan a walk in the Alps.');
    await chat.waitForLastAnswer();
    await chat.send('And one in the Pyrenees.');
    await chat.waitForLastAnswer();
    const created = () =>
      demo.demo.emulator.requests
        .slice(logged)
        .filter((r) => r.method === 'POST' && r.path === '/v1beta/interactions');
    await expect.poll(() => created().length).toBe(2);
    await chat.button('New chat').click();
    await chat.send('Keep this one.');
    await chat.waitForLastAnswer();

    await chat.button('Delete “Plan a walk in the Alps.”').click();
    await chat.sidebar().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => chat.chatTitles()).toEqual(['Keep this one.']);
    const deleted = () =>
      demo.demo.emulator.requests
        .slice(logged)
        .filter((r) => r.method === 'DELETE')
        .map((r) => r.path);
    await expect.poll(() => deleted().length).toBe(2);
    expect(new Set(deleted()).size).toBe(2);
    for (const path of deleted()) expect(path).toMatch(/^\/v1beta\/interactions\/[\w-]+$/);
    // The chat that stays keeps its server history: its next turn points at its stored turn, which answers.
    await chat.send('How many walks so far?');
    await chat.waitForLastAnswer();
    expect(created().at(-1)?.body).toHaveProperty('previous_interaction_id');
  });

  it('deleting the open chat stops its answer and opens another chat', async () => {
    const chat = await demo.open();
    await chat.send('First chat.');
    await chat.waitForLastAnswer();
    await chat.button('New chat').click();
    await chat.send('[emulator: words=3000] A long one.');
    await expect.poll(() => chat.statusOf(chat.lastAnswer())).toBe('streaming');
    const cancels = demo.demo.emulator.stats.cancels;

    await chat.button('Delete “A long one.”').click();
    await chat.sidebar().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => chat.chatTitles()).toEqual(['First chat.']);
    await expect.poll(() => demo.demo.emulator.stats.cancels).toBe(cancels + 1);
    expect(await chat.questionText('first')).toBe('First chat.');
  });

  it('a reload in the middle of an answer loses nothing: the answer resumes where it was', async () => {
    const chat = await demo.open();
    const logged = demo.demo.emulator.requests.length;
    await chat.send('[emulator: words=1200] Tell me about lakes.');
    await expect.poll(async () => (await visibleText(chat.lastAnswer())).length).toBeGreaterThan(200);

    await chat.page.reload();
    const answer = await chat.waitForLastAnswer('completed', 30_000);
    expect(await chat.questions().count()).toBe(1);
    const words = (await visibleText(answer.locator('.gk-markdown'))).split(/\s+/).length;
    expect(words).toBeGreaterThan(1100);
    // The stream was resumed from the last event seen, not asked for again.
    const requests = demo.demo.emulator.requests
      .slice(logged)
      .filter((r) => r.path.startsWith('/v1beta/interactions'));
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(requests.some((r) => r.method === 'GET' && r.query.last_event_id !== undefined)).toBe(true);
  });
});

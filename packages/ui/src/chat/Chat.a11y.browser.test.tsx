import { describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { GemkitStringsProvider } from '../strings/strings-context';
import { germanStrings } from '../test/german-strings';
import { waitForSettled } from '../test/play';
import { renderChat } from '../test/render-chat';

const FAST = { pacing: { chunkSize: 200, delayMs: 1 } };

describe('keyboard and screen readers', () => {
  test('everything is reachable by Tab, in reading order, with a visible focus ring', async () => {
    const { screen, chat } = await renderChat({
      emulator: FAST,
      props: { settings: {}, onSettingsChange: () => {} },
    });
    await chat().send('Hello');
    await waitForSettled(screen.container, () => chat().conversation.getSnapshot().messages.at(-1));
    (document.activeElement as HTMLElement | null)?.blur();
    const names: string[] = [];
    for (let i = 0; i < 14; i++) {
      await userEvent.tab();
      const active = document.activeElement as HTMLElement;
      names.push(active.getAttribute('aria-label') ?? active.tagName);
      if (active.tagName === 'BUTTON') expect(getComputedStyle(active).outlineStyle).toBe('solid');
    }
    expect(names.slice(0, 4)).toEqual(['New chat', 'Settings', 'Messages', 'Copy']);
    expect(names).toContain('Regenerate');
    expect(names).toContain('Show usage');
    expect(names).toContain('Attach files');
    expect(names).toContain('Message');
    expect(names).toContain('Send');
  });

  test('messages are articles under headings, named by who spoke; the list is a named region', async () => {
    const { screen, chat } = await renderChat({ emulator: FAST });
    await chat().send('Hello');
    await waitForSettled(screen.container, () => chat().conversation.getSnapshot().messages.at(-1));
    await expect.element(screen.getByRole('region', { name: 'Gemini' })).toBeInTheDocument();
    await expect.element(screen.getByRole('region', { name: 'Messages' })).toBeInTheDocument();
    const articles = screen.getByRole('article').all();
    expect(articles.map((article) => article.element().getAttribute('aria-labelledby'))).toHaveLength(2);
    await expect.element(screen.getByRole('article', { name: 'You said' })).toBeInTheDocument();
    await expect.element(screen.getByRole('article', { name: 'Gemini said' })).toBeInTheDocument();
    // One heading per message to jump by (the answer's own headings come on top).
    const headings = screen
      .getByRole('heading', { level: 3 })
      .all()
      .map((heading) => heading.element().textContent);
    expect(headings.filter((text) => text === 'You said' || text === 'Gemini said')).toEqual([
      'You said',
      'Gemini said',
    ]);
  });

  test('a streaming answer is marked busy, and nothing but the announcer is a live region around it', async () => {
    const { screen, chat } = await renderChat({ emulator: { pacing: { chunkSize: 8, delayMs: 15 } } });
    void chat().send('Hello');
    await expect.poll(() => screen.container.querySelector('article[aria-busy="true"]')).not.toBeNull();
    const live = [...screen.container.querySelectorAll('[aria-live], [role="log"], [role="alert"]')];
    expect(live.map((element) => element.getAttribute('aria-live'))).toEqual(['polite']);
    chat().stop();
  });
});

describe('localization and theming', () => {
  test('every string of the chat comes from the strings provider', async () => {
    const { screen, chat } = await renderChat({
      emulator: FAST,
      wrap: (node) => <GemkitStringsProvider strings={germanStrings}>{node}</GemkitStringsProvider>,
      props: { settings: {}, onSettingsChange: () => {} },
    });
    await expect.element(screen.getByText('Wie kann ich helfen?')).toBeVisible();
    await chat().send('Hallo');
    await waitForSettled(screen.container, () => chat().conversation.getSnapshot().messages.at(-1));
    for (const name of ['Neuer Chat', 'Einstellungen', 'Kopieren', 'Neu generieren', 'Verbrauch zeigen']) {
      await expect.element(screen.getByRole('button', { name }).first()).toBeInTheDocument();
    }
    await expect
      .element(screen.getByRole('textbox', { name: 'Nachricht' }))
      .toHaveAttribute('placeholder', 'Nachricht an Gemini');
    const english = /\b(Copy|Send|Regenerate|Settings|Message|Gemini said|You said)\b/;
    const labels = [...screen.container.querySelectorAll('[aria-label], h3')].map(
      (element) => element.getAttribute('aria-label') ?? element.textContent,
    );
    expect(labels.filter((label) => english.test(label ?? ''))).toEqual([]);
  });

  test('dialogs portal into the chat, so they take its theme', async () => {
    const { screen } = await renderChat({
      props: { theme: 'dark', settings: {}, onSettingsChange: () => {} },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await expect.element(page.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
    const dialog = page.getByRole('dialog', { name: 'Settings' }).element() as HTMLElement;
    expect(screen.container.querySelector('.gk-chat')?.contains(dialog)).toBe(true);
    expect(getComputedStyle(dialog).colorScheme).toBe('dark');
    expect(getComputedStyle(dialog).backgroundColor).toBe('rgb(13, 17, 23)');
  });

  test('the chat styles nothing outside its root', async () => {
    const screen = await render(
      <div>
        <button type="button" className="gk-button outside">
          b
        </button>
        <textarea className="gk-textarea outside-area" />
        <div className="gk-message-group outside-group">
          <article className="gk-message">a</article>
        </div>
      </div>,
    );
    const button = screen.container.querySelector('.outside') as Element;
    expect(getComputedStyle(button).borderRadius).toBe('0px');
    const area = screen.container.querySelector('.outside-area') as Element;
    expect(getComputedStyle(area).width).not.toBe('100%');
    expect(
      getComputedStyle(screen.container.querySelector('.outside-group') as Element).contentVisibility,
    ).toBe('visible');
  });
});

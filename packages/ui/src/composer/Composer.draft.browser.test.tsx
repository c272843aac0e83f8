import { useState } from 'react';
import { beforeEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { Composer } from './Composer';
import { clearDraft } from './saved-draft';
import '../styles.css';

const saved = (key: string) => localStorage.getItem(`gemkit-draft:${key}`);

/**
 * The page going to the background, as the browser reports it. (Not a synthetic `pagehide`: the test
 * runner's own page listens for that one and takes it for the end of the run.)
 */
function hidePage() {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
  delete (document as { visibilityState?: unknown }).visibilityState;
}

// Before, not after: a composer left mounted by the previous test saves its draft as it is unmounted.
beforeEach(() => localStorage.clear());

async function renderComposer(draftKey: string | undefined, onSend: (input: unknown) => unknown = () => {}) {
  const screen = await render(<Composer onSend={onSend} draftKey={draftKey} />);
  return { screen, input: screen.getByRole('textbox', { name: 'Message' }) };
}

/** Lets a test change a component's state from outside. */
type Controls<T> = { set?: (value: T) => void };

/** A composer that can be taken off the page and put back (a reload, a visit to another page). */
function Toggle({ controls }: { controls: Controls<boolean> }) {
  const [shown, set] = useState(true);
  controls.set = set;
  return shown ? <Composer onSend={() => {}} draftKey="chat-1" /> : <p>Another page</p>;
}

/** One composer whose draft key changes, as when an app switches chats without remounting it. */
function Switcher({ controls }: { controls: Controls<string> }) {
  const [key, set] = useState('a');
  controls.set = set;
  return <Composer onSend={() => {}} draftKey={key} />;
}

describe('the draft is kept with a draftKey', () => {
  test('text typed and not sent comes back after the composer is unmounted (a reload, a chat switch)', async () => {
    const toggle: Controls<boolean> = {};
    const screen = await render(<Toggle controls={toggle} />);
    const input = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Half a thought about');
    await expect.poll(() => saved('chat-1')).toBe('Half a thought about');
    toggle.set?.(false);
    await expect.element(screen.getByText('Another page')).toBeVisible();
    toggle.set?.(true);
    await expect
      .element(screen.getByRole('textbox', { name: 'Message' }))
      .toHaveValue('Half a thought about');
  });

  test('hiding the page saves at once, without waiting for typing to pause', async () => {
    const { input } = await renderComposer('chat-2');
    await userEvent.type(input, 'Quick');
    hidePage();
    expect(saved('chat-2')).toBe('Quick');
  });

  test('sending clears the saved draft', async () => {
    const sent: unknown[] = [];
    const { input } = await renderComposer('chat-3', (message) => sent.push(message));
    await userEvent.type(input, 'Send me');
    await expect.poll(() => saved('chat-3')).toBe('Send me');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => sent).toEqual(['Send me']);
    await expect.poll(() => saved('chat-3')).toBeNull();
  });

  test('each key has its own draft: switching chats swaps the text', async () => {
    localStorage.setItem('gemkit-draft:b', 'Draft of b');
    const switcher: Controls<string> = {};
    const screen = await render(<Switcher controls={switcher} />);
    const input = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Draft of a');
    switcher.set?.('b');
    await expect.element(input).toHaveValue('Draft of b');
    expect(saved('a')).toBe('Draft of a');
    switcher.set?.('a');
    await expect.element(input).toHaveValue('Draft of a');
    clearDraft('a');
    expect(saved('a')).toBeNull();
  });

  test('without a key nothing is written; with storage refused the composer still works', async () => {
    const plain = await renderComposer(undefined);
    await userEvent.type(plain.input, 'Not kept');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(localStorage.length).toBe(0);
    plain.screen.unmount();

    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    try {
      const sent: unknown[] = [];
      const full = await renderComposer('chat-4', (message) => sent.push(message));
      await userEvent.type(full.input, 'Still sends');
      hidePage();
      await userEvent.keyboard('{Enter}');
      await expect.poll(() => sent).toEqual(['Still sends']);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });
});

import type { UseConversationResult } from '@gemkit/react';
import { memo } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { Message, type MessageProps } from '../message/Message';
import { EmulatorConversation } from '../test/EmulatorConversation';
import { createEmulatorClient } from '../test/emulator-client';
import { waitForSettled } from '../test/play';
import { renderChat } from '../test/render-chat';
import { Chat } from './Chat';
import { ConnectedChat } from './ConnectedChat';
import '../styles.css';

describe('<ConnectedChat>', () => {
  test('makes its own conversation; the settings dialog edits it; defaults and options both apply', async () => {
    const harness = createEmulatorClient({ pacing: { chunkSize: 200, delayMs: 1 } });
    const saved: unknown[] = [];
    const screen = await render(
      <div style={{ height: 600, display: 'flex' }}>
        <ConnectedChat
          conversationOptions={{ client: harness.client, model: 'gemini-3-flash-preview' }}
          defaultSettings={{ system_instruction: 'Be brief.' }}
          onSettingsChange={(settings) => saved.push(settings)}
          title="Helper"
        />
      </div>,
    );
    await expect.element(screen.getByRole('heading', { name: 'Helper' })).toBeVisible();
    await userEvent.click(screen.getByRole('textbox', { name: 'Message' }));
    await userEvent.keyboard('One{Enter}');
    await expect.poll(() => harness.creates()).toHaveLength(1);
    expect(harness.creates()[0]).toMatchObject({
      model: 'gemini-3-flash-preview',
      system_instruction: 'Be brief.',
    });

    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await userEvent.fill(dialog.getByRole('spinbutton', { name: 'Temperature' }), '1.5');
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await expect.element(dialog).not.toBeInTheDocument();
    expect(saved).toEqual([
      { system_instruction: 'Be brief.', generation_config: { temperature: 1.5 }, mode: 'stateful' },
    ]);

    await expect.element(screen.getByRole('button', { name: 'Send' })).toBeVisible();
    await userEvent.click(screen.getByRole('textbox', { name: 'Message' }));
    await userEvent.keyboard('Two{Enter}');
    await expect.poll(() => harness.creates()).toHaveLength(2);
    expect(harness.creates()[1]).toMatchObject({
      model: 'gemini-3-flash-preview',
      system_instruction: 'Be brief.',
      generation_config: { temperature: 1.5 },
    });
  });

  test('editableSettings={false} offers no settings', async () => {
    const harness = createEmulatorClient();
    const screen = await render(
      <ConnectedChat conversationOptions={{ client: harness.client }} editableSettings={false} />,
    );
    await expect.element(screen.getByRole('textbox', { name: 'Message' })).toBeVisible();
    expect(screen.container.querySelector('[aria-label="Settings"]')).toBeNull();
  });
});

/** An app's own message: a wrapper around ours, as the demo's inspector does. */
const WrappedMessage = memo(function WrappedMessage(props: MessageProps) {
  return (
    <div className="app-message" data-role={props.message.role}>
      <Message {...props} />
    </div>
  );
});

describe('replacing a piece', () => {
  test('components.Message replaces the message; a wrapped user message still sits on the right', async () => {
    const { screen, chat } = await renderChat({
      emulator: { pacing: { chunkSize: 200, delayMs: 1 } },
      props: { components: { Message: WrappedMessage } },
    });
    await chat().send('Hello');
    await waitForSettled(screen.container, () => chat().conversation.getSnapshot().messages.at(-1));
    const wrappers = [...screen.container.querySelectorAll<HTMLElement>('.app-message')];
    expect(wrappers.map((wrapper) => wrapper.dataset.role)).toEqual(['user', 'model']);
    const user = wrappers[0]?.querySelector('article') as HTMLElement;
    const wrapperBox = (wrappers[0] as HTMLElement).getBoundingClientRect();
    // Polled: a message just inserted is laid out at its placeholder size (content-visibility) until
    // the browser has seen it on screen, which happens before it paints.
    await expect.poll(() => user.getBoundingClientRect().width).toBeLessThan(wrapperBox.width / 2);
    expect(Math.round(user.getBoundingClientRect().right)).toBe(Math.round(wrapperBox.right));
  });
});

describe('server rendering', () => {
  test('a chat renders to HTML without a browser-only call, in its empty initial state', () => {
    const harness = createEmulatorClient();
    const html = renderToString(
      <EmulatorConversation client={harness.client}>
        {(conversation: UseConversationResult) => (
          <Chat conversation={conversation} settings={{}} onSettingsChange={() => {}} />
        )}
      </EmulatorConversation>,
    );
    expect(html).toContain('gk-chat');
    expect(html).toContain('How can I help?');
    expect(html).toContain('aria-label="Message"');
  });
});

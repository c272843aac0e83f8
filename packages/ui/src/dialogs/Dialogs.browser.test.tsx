import type { GemkitClient, UseConversationResult } from '@gemkit/react';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { Chat } from '../chat/Chat';
import { EmulatorConversation } from '../test/EmulatorConversation';
import { createEmulatorClient } from '../test/emulator-client';
import { articles, waitForSettled, waitForStreaming } from '../test/play';
import { ChatDialog } from './ChatDialog';
import type { ChatSettings } from './chat-settings';
import { SettingsDialog } from './SettingsDialog';
import '../styles.css';
import '../test/markdown-ready';

const MODELS = ['gemini-3-flash-preview', 'gemini-3.1-pro-preview'];

function SettingsHarness({
  initial,
  onChange,
}: {
  initial: ChatSettings;
  onChange: (s: ChatSettings) => void;
}) {
  const [settings, setSettings] = useState(initial);
  return (
    <SettingsDialog
      settings={settings}
      models={MODELS}
      onSettingsChange={(next) => {
        setSettings(next);
        onChange(next);
      }}
    />
  );
}

/** A chat (or the widget) whose settings dialog edits its conversation's options, as an app wires it. */
function ChatWithSettings({ client, asDialog = false }: { client: GemkitClient; asDialog?: boolean }) {
  const [settings, setSettings] = useState<ChatSettings>({});
  return (
    <EmulatorConversation client={client} options={settings}>
      {(conversation) =>
        asDialog ? (
          <ChatDialog
            conversation={conversation}
            settings={settings}
            onSettingsChange={setSettings}
            defaultOpen
          />
        ) : (
          <div style={{ height: 600, display: 'flex' }}>
            <Chat conversation={conversation} settings={settings} onSettingsChange={setSettings} />
          </div>
        )
      }
    </EmulatorConversation>
  );
}

describe('SettingsDialog', () => {
  test('opens with the current settings, focus inside; Save applies the edits and returns focus', async () => {
    const saved: ChatSettings[] = [];
    const screen = await render(
      <SettingsHarness
        initial={{ model: 'gemini-3-flash-preview', generation_config: { top_p: 0.9 } }}
        onChange={(next) => saved.push(next)}
      />,
    );
    const trigger = screen.getByRole('button', { name: 'Settings' });
    await userEvent.click(trigger);
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog).toHaveAccessibleDescription('These apply from the next message on.');
    expect(dialog.element().contains(document.activeElement)).toBe(true);
    await expect
      .element(dialog.getByRole('combobox', { name: 'Model' }))
      .toHaveValue('gemini-3-flash-preview');

    await userEvent.selectOptions(dialog.getByRole('combobox', { name: 'Model' }), 'gemini-3.1-pro-preview');
    await userEvent.fill(
      dialog.getByRole('textbox', { name: 'System instruction' }),
      'Answer like a pirate.',
    );
    await userEvent.fill(dialog.getByRole('spinbutton', { name: 'Temperature' }), '0.3');
    await userEvent.selectOptions(dialog.getByRole('combobox', { name: 'Thinking' }), 'low');
    await userEvent.click(dialog.getByRole('checkbox', { name: 'Show thinking summaries' }));
    await userEvent.click(dialog.getByRole('radio', { name: /Sent with every message/ }));
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    await expect.element(dialog).not.toBeInTheDocument();
    expect(saved).toEqual([
      {
        model: 'gemini-3.1-pro-preview',
        system_instruction: 'Answer like a pirate.',
        generation_config: {
          top_p: 0.9,
          temperature: 0.3,
          thinking_level: 'low',
          thinking_summaries: 'auto',
        },
        mode: 'stateless',
      },
    ]);
    expect(document.activeElement).toBe(trigger.element());
  });

  test('Escape and Cancel discard the edits; reopening shows the saved settings', async () => {
    const saved: ChatSettings[] = [];
    const screen = await render(
      <SettingsHarness initial={{ system_instruction: 'Be brief.' }} onChange={(next) => saved.push(next)} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await userEvent.fill(dialog.getByRole('textbox', { name: 'System instruction' }), 'Changed');
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await expect
      .element(dialog.getByRole('textbox', { name: 'System instruction' }))
      .toHaveValue('Be brief.');
    await userEvent.fill(dialog.getByRole('textbox', { name: 'System instruction' }), 'Changed again');
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    await expect.element(dialog).not.toBeInTheDocument();
    expect(saved).toEqual([]);
  });

  test('clearing a field drops its setting; summaries turned off say so', async () => {
    const saved: ChatSettings[] = [];
    const screen = await render(
      <SettingsHarness
        initial={{ model: 'x', generation_config: { temperature: 1, thinking_summaries: 'auto' } }}
        onChange={(next) => saved.push(next)}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await userEvent.clear(dialog.getByRole('spinbutton', { name: 'Temperature' }));
    await userEvent.click(dialog.getByRole('checkbox', { name: 'Show thinking summaries' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    expect(saved).toEqual([
      { model: 'x', generation_config: { thinking_summaries: 'none' }, mode: 'stateful' },
    ]);
  });

  test('inside a chat, saved settings shape the next request', async () => {
    const harness = createEmulatorClient({ pacing: { chunkSize: 200, delayMs: 1 } });
    const screen = await render(<ChatWithSettings client={harness.client} />);
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await userEvent.fill(dialog.getByRole('textbox', { name: 'System instruction' }), 'Be terse.');
    await userEvent.fill(dialog.getByRole('spinbutton', { name: 'Temperature' }), '0.2');
    await userEvent.click(dialog.getByRole('radio', { name: /Sent with every message/ }));
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await userEvent.click(screen.getByRole('textbox', { name: 'Message' }));
    await userEvent.keyboard('Hi{Enter}');
    await expect.poll(() => harness.creates()).toHaveLength(1);
    const [body] = harness.creates();
    expect(body?.system_instruction).toBe('Be terse.');
    expect(body?.generation_config).toMatchObject({ temperature: 0.2 });
    expect(body?.store).toBe(false);
  });
});

describe('ChatDialog', () => {
  async function renderWidget() {
    const harness = createEmulatorClient({ pacing: { chunkSize: 12, delayMs: 15 } });
    let latest: UseConversationResult | undefined;
    const screen = await render(
      <EmulatorConversation client={harness.client}>
        {(conversation) => {
          latest = conversation;
          return <ChatDialog conversation={conversation} title="Support" />;
        }}
      </EmulatorConversation>,
    );
    return { screen, harness, chat: () => latest as UseConversationResult };
  }

  test('the launcher opens the chat as a modal dialog with focus in the input; Escape closes it', async () => {
    const { screen } = await renderWidget();
    const launcher = screen.getByRole('button', { name: 'Open chat' }).element() as HTMLElement;
    await userEvent.click(launcher);
    const dialog = page.getByRole('dialog', { name: 'Support' });
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog).toHaveAccessibleDescription('Chat with Gemini');
    expect(document.activeElement).toBe(dialog.getByRole('textbox', { name: 'Message' }).element());
    // Modal: the page behind is hidden from assistive technology.
    expect(launcher.closest('[aria-hidden="true"]')).not.toBeNull();
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(document.activeElement).toBe(launcher);
  });

  test('Escape first stops a running answer, then closes the dialog', async () => {
    const { screen, chat } = await renderWidget();
    await userEvent.click(screen.getByRole('button', { name: 'Open chat' }));
    const dialog = page.getByRole('dialog', { name: 'Support' });
    await userEvent.keyboard('Tell me a long story [[emulator: words=2000]{Enter}');
    await waitForStreaming(dialog.element());
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => articles(dialog.element()).at(-1)?.dataset.status).toBe('cancelled');
    await expect.element(dialog).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(chat().messages).toHaveLength(2);
  });

  test('the close button closes it; the conversation is kept for the next opening', async () => {
    const { screen, chat } = await renderWidget();
    await userEvent.click(screen.getByRole('button', { name: 'Open chat' }));
    const dialog = page.getByRole('dialog', { name: 'Support' });
    await userEvent.keyboard('Hello{Enter}');
    await waitForSettled(dialog.element(), () => chat().conversation.getSnapshot().messages.at(-1));
    await userEvent.click(dialog.getByRole('button', { name: 'Close' }));
    await expect.element(dialog).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open chat' }));
    await expect.poll(() => articles(dialog.element())).toHaveLength(2);
  });

  test('the settings dialog opens inside the chat dialog, and Escape closes only it', async () => {
    const harness = createEmulatorClient();
    await render(<ChatWithSettings client={harness.client} asDialog />);
    const chatDialog = page.getByRole('dialog', { name: 'Gemini' });
    await expect.element(chatDialog).toBeVisible();
    await userEvent.click(chatDialog.getByRole('button', { name: 'Settings' }));
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect.element(settings).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(settings).not.toBeInTheDocument();
    await expect.element(chatDialog).toBeVisible();
  });
});

import { KNOWN_MODELS } from '@gemkit/emulator';
import { CREATE_MATCH } from '@gemkit/emulator/testing';
import type { UseConversationResult } from '@gemkit/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { ChatSettings } from '../dialogs/chat-settings';
import { GemkitStringsProvider } from '../strings/strings-context';
import { savedConversation } from '../test/conversation-fixtures';
import { EmulatorStory, renderOnEmulator } from '../test/EmulatorStory';
import { germanStrings } from '../test/german-strings';
import { LONG_LIST_A11Y } from '../test/long-list-a11y';
import { articles, waitForStatus, waitForStreaming } from '../test/play';
import { sampleDocument, samplePicture } from '../test/sample-files';
import { Chat } from './Chat';

/** Every story below renders a real conversation; `conversation` is filled in by the render function. */
const noArgs = { conversation: undefined as never };

const meta = {
  title: 'Chat/Chat',
  component: Chat,
  parameters: { layout: 'fullscreen' },
  args: noArgs,
} satisfies Meta<typeof Chat>;

export default meta;
type Story = StoryObj<typeof meta>;

const THINKING = { thinking_level: 'high', thinking_summaries: 'auto' } as const;

export const Empty: Story = {
  render: renderOnEmulator(Chat),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('How can I help?')).toBeVisible();
    const send = canvas.getByRole('button', { name: 'Send' });
    await expect(send).toHaveAttribute('aria-disabled', 'true');
    await expect(send).toHaveAccessibleDescription('Type a message or attach a file to send.');
    await userEvent.click(send);
    await expect(canvasElement.querySelector('.gk-composer-notice')).toHaveTextContent(
      'Type a message or attach a file to send.',
    );
  },
};

/** A chat whose settings dialog edits the options of its conversation, as an app would wire it. */
function SettingsChat({
  title,
  start,
}: {
  title?: string;
  start?: (conversation: UseConversationResult) => void;
}) {
  const [settings, setSettings] = useState<ChatSettings>({
    model: 'gemini-3-flash-preview',
    mode: 'stateful',
    generation_config: { thinking_level: 'low', thinking_summaries: 'auto' },
  });
  return (
    <EmulatorStory options={settings} height="100vh" start={start}>
      {(conversation) => (
        <Chat
          conversation={conversation}
          settings={settings}
          onSettingsChange={setSettings}
          models={KNOWN_MODELS}
          title={title}
        />
      )}
    </EmulatorStory>
  );
}

/** Everything at once: type, send, watch the stream, stop, retry, and change the settings. */
export const KitchenSink: Story = {
  render: () => <SettingsChat title="Gemkit kitchen sink" />,
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await step('type and send', async () => {
      await userEvent.type(input, 'Tell me about tides [[emulator: words=400]');
      await userEvent.keyboard('{Enter}');
      await expect(input).toHaveValue('');
    });
    await step('watch the stream, then stop it', async () => {
      await waitForStreaming(canvasElement);
      await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
      const stopped = await waitForStatus(canvasElement, 'cancelled');
      await expect(within(stopped).getByText('Stopped')).toBeVisible();
    });
    await step('retry the stopped answer', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
      await waitForStatus(canvasElement, 'completed');
      await expect(articles(canvasElement)).toHaveLength(2);
    });
    await step('open the settings, change the temperature, save', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Settings' }));
      const dialog = await canvas.findByRole('dialog', { name: 'Settings' });
      const temperature = within(dialog).getByRole('spinbutton', { name: 'Temperature' });
      await userEvent.clear(temperature);
      await userEvent.type(temperature, '0.4');
      await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
      await expect(canvas.getByRole('button', { name: 'Settings' })).toHaveFocus();
    });
    await step('the next turn uses them', async () => {
      await userEvent.type(input, 'And the Moon?{Enter}');
      await waitFor(() => expect(articles(canvasElement)).toHaveLength(4));
      const answer = await waitForStatus(canvasElement, 'completed');
      await expect(answer).toHaveTextContent('0.4');
    });
  },
};

export const Streaming: Story = {
  render: renderOnEmulator(Chat, {
    emulator: { pacing: { chunkSize: 6, delayMs: 16 } },
    start: (conversation) => conversation.send('Explain how streaming works [emulator: words=250]'),
  }),
  play: async ({ canvasElement }) => {
    await waitForStreaming(canvasElement);
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Stop' })).toBeVisible();
    await expect(articles(canvasElement).at(-1)).toHaveAttribute('aria-busy', 'true');
    await waitForStatus(canvasElement, 'completed');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeVisible();
  },
};

export const Thinking: Story = {
  render: renderOnEmulator(Chat, {
    emulator: { pacing: { chunkSize: 4, delayMs: 20 } },
    options: { generation_config: THINKING },
    start: (conversation) => conversation.send('Why is the sky blue?'),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = await canvas.findByRole('button', { name: 'Thinking…' }, { timeout: 10_000 });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await waitForStatus(canvasElement, 'completed');
    const thoughts = canvas.getByRole('button', { name: 'Thoughts' });
    await expect(thoughts).toHaveAttribute('aria-expanded', 'true');
    await expect(canvasElement.querySelector('.gk-thoughts-body')?.textContent?.length ?? 0).toBeGreaterThan(
      20,
    );
  },
};

export const LongMarkdown: Story = {
  render: renderOnEmulator(Chat, {
    emulator: { pacing: { chunkSize: 200, delayMs: 4 } },
    start: (conversation) =>
      conversation.send('Write a long report with code and tables [emulator: words=1500]'),
  }),
  play: async ({ canvasElement }) => {
    const answer = await waitForStatus(canvasElement, 'completed');
    await expect(answer.querySelectorAll('table').length).toBeGreaterThan(0);
    await expect(answer.querySelectorAll('pre code').length).toBeGreaterThan(0);
    await expect(answer.querySelectorAll('h2, h3').length).toBeGreaterThan(0);
  },
};

export const ErrorWithRetry: Story = {
  render: renderOnEmulator(Chat, {
    faults: [{ type: 'status', status: 429, retryAfterSeconds: 30, match: CREATE_MATCH }],
    start: (conversation) => conversation.send('Hello?'),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveTextContent('Too many requests right now. Try again in 30 seconds.');
    await expect(canvas.getByText('Not sent')).toBeVisible();
    await expect(articles(canvasElement)[0]).toHaveTextContent('Hello?');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitForStatus(canvasElement, 'completed');
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

export const Stopped: Story = {
  render: renderOnEmulator(Chat, {
    emulator: { pacing: { chunkSize: 8, delayMs: 20 } },
    start: (conversation) => {
      conversation.send('Tell me a long story [emulator: words=2000]');
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForStreaming(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Message' });
    input.focus();
    await userEvent.keyboard('{Escape}');
    const stopped = await waitForStatus(canvasElement, 'cancelled');
    await expect(within(stopped).getByText('Stopped')).toBeVisible();
    await expect(within(stopped).getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

export const Attachments: Story = {
  render: renderOnEmulator(Chat, {
    // Small files are inlined; this one goes through the Files API upload, with progress.
    options: { inlineMaxBytes: 512 },
    start: async (conversation) => {
      const picture = await samplePicture();
      conversation.send(['What is in this picture, and what do the notes say?', picture, sampleDocument()]);
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForStatus(canvasElement, 'completed');
    const image = await canvas.findByRole('img', { name: 'Attached image sunset.png' });
    await expect(image.getAttribute('src')).toMatch(/^blob:/);
    await expect(canvas.getByText('notes.txt')).toBeVisible();
    // The answer's attachment table lists both.
    await expect(articles(canvasElement)[1]).toHaveTextContent('image/png');
    await expect(articles(canvasElement)[1]).toHaveTextContent('text/plain');
  },
};

export const Branches: Story = {
  render: renderOnEmulator(Chat, {
    start: async (conversation) => {
      await conversation.send('Name a color.');
      await conversation.regenerate();
      await conversation.regenerate();
      const first = conversation.conversation.getSnapshot().messages[0];
      if (first) await conversation.edit(first.id, 'Name a fruit.');
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('Name a fruit.')).toBeVisible(), { timeout: 15_000 });
    await waitForStatus(canvasElement, 'completed');
    const user = articles(canvasElement)[0] as HTMLElement;
    await expect(within(user).getByText('2 of 2')).toBeDefined();
    await userEvent.click(within(user).getByRole('button', { name: 'Previous version' }));
    await waitFor(() => expect(canvas.getByText('Name a color.')).toBeVisible());
    const answer = articles(canvasElement)[1] as HTMLElement;
    await expect(within(answer).getByText('3 of 3')).toBeDefined();
    // Focus followed the switch: the first version has no previous one, so it lands on "Next version".
    await expect(
      within(articles(canvasElement)[0] as HTMLElement).getByRole('button', { name: 'Next version' }),
    ).toHaveFocus();
  },
};

export const ThousandMessages: Story = {
  args: noArgs,
  parameters: LONG_LIST_A11Y,
  render: () => (
    <EmulatorStory
      // The emulator's answer quotes every earlier question: long, so it streams in big chunks.
      emulator={{ pacing: { chunkSize: 2000, delayMs: 4 } }}
      options={{ mode: 'stateless' }}
      start={(conversation) => conversation.restore(savedConversation(500))}
    >
      {(conversation) => <Chat conversation={conversation} />}
    </EmulatorStory>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Older messages render in batches after the newest: the whole list takes a while on a busy machine.
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(1000), { timeout: 20_000 });
    const list = canvas.getByRole('region', { name: 'Messages' });
    await waitFor(() => expect(list.scrollHeight - list.scrollTop - list.clientHeight).toBeLessThan(40));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'One more question{Enter}');
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(1002));
    await waitForStatus(canvasElement, 'completed');
    // Back to the first messages, the ones axe checks (LONG_LIST_A11Y). Its color-contrast rule reads the
    // style and box of every element of the page, and off screen (content-visibility) each read is laid
    // out on demand: with the checked messages on screen, the check takes about a fifth less time.
    list.scrollTop = 0;
    // (By class: a role query walks all 1,000 messages.)
    await waitFor(() =>
      expect(canvasElement.querySelector('.gk-jump-latest')).toHaveTextContent('Jump to latest'),
    );
  },
};

export const DarkMode: Story = {
  globals: { theme: 'dark' },
  render: renderOnEmulator(Chat, {
    options: { generation_config: THINKING },
    start: (conversation) => conversation.send('Show me a table and some code.'),
  }),
  play: async ({ canvasElement }) => {
    await waitForStatus(canvasElement, 'completed');
    const chat = canvasElement.querySelector('.gk-chat') as HTMLElement;
    await expect(getComputedStyle(chat).colorScheme).toBe('dark');
  },
};

export const Localized: Story = {
  render: () => (
    <GemkitStringsProvider strings={germanStrings}>
      <SettingsChat start={(conversation) => conversation.send('Hallo!')} />
    </GemkitStringsProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForStatus(canvasElement, 'completed');
    await expect(canvas.getByRole('textbox', { name: 'Nachricht' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Senden' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Neu generieren' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Einstellungen' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Einstellungen' });
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Modell' })).toBeVisible());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
  },
};

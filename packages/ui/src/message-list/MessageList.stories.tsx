import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { mixedMarkdown } from '../markdown/test/long-answers';
import { savedConversation } from '../test/conversation-fixtures';
import { EmulatorStory, renderOnEmulator } from '../test/EmulatorStory';
import { LONG_LIST_A11Y } from '../test/long-list-a11y';
import { articles, waitForStreaming } from '../test/play';
import { MessageList } from './MessageList';

const meta = {
  title: 'Chat/MessageList',
  component: MessageList,
  args: { conversation: undefined as never },
} satisfies Meta<typeof MessageList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  render: () => (
    <EmulatorStory height={320}>
      {(conversation) => (
        <MessageList
          conversation={conversation}
          emptyState={<p style={{ padding: '1em' }}>Nothing yet.</p>}
        />
      )}
    </EmulatorStory>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Nothing yet.')).toBeVisible();
  },
};

const LONG = mixedMarkdown(12_000);

/** Follows the stream; scrolling up stops that and offers "Jump to latest". */
export const FollowingTheStream: Story = {
  render: renderOnEmulator(MessageList, {
    height: 360,
    emulator: { pacing: { chunkSize: 24, delayMs: 12 }, responder: () => LONG },
    start: (conversation) => conversation.send('A long answer, please.'),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForStreaming(canvasElement);
    const list = canvas.getByRole('region', { name: 'Messages' });
    await waitFor(() => expect(list.scrollHeight).toBeGreaterThan(list.clientHeight * 2), {
      timeout: 15_000,
    });
    list.scrollTop = 0;
    const jump = await canvas.findByRole('button', { name: 'Jump to latest' });
    jump.click();
    await waitFor(() => expect(list.scrollHeight - list.scrollTop - list.clientHeight).toBeLessThan(40));
  },
};

export const ThousandMessages: Story = {
  parameters: LONG_LIST_A11Y,
  render: () => (
    <EmulatorStory
      height="100vh"
      options={{ mode: 'stateless' }}
      start={(c) => c.restore(savedConversation(500))}
    >
      {(conversation) => <MessageList conversation={conversation} />}
    </EmulatorStory>
  ),
  play: async ({ canvasElement }) => {
    // Older messages render in batches after the newest: the whole list takes a while on a busy machine.
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(1000), { timeout: 20_000 });
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type EmulatorStorySetup, renderOnEmulator } from '../test/EmulatorStory';
import { LiveMessages } from '../test/LiveMessages';
import { articles, waitForStatus, waitForStreaming } from '../test/play';
import { sampleDocument, samplePicture } from '../test/sample-files';
import { Message } from './Message';

/** Each story drives a real conversation on the emulator and shows its messages as bare `<Message>`s. */
const meta = {
  title: 'Chat/Message',
  component: Message,
  args: { message: undefined as never },
} satisfies Meta<typeof Message>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The story's conversation shown as bare `<Message>`s, in a box as tall as they are. */
const onEmulator = (setup: EmulatorStorySetup) =>
  renderOnEmulator(LiveMessages, { height: 'auto', ...setup });

export const UserWithAttachments: Story = {
  render: onEmulator({
    start: async (conversation) => {
      conversation.send(['Compare the picture with the notes.', await samplePicture(), sampleDocument()]);
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForStatus(canvasElement, 'completed');
    const user = articles(canvasElement)[0] as HTMLElement;
    await expect(await within(user).findByRole('img', { name: 'Attached image sunset.png' })).toBeVisible();
    await expect(within(user).getByText('notes.txt')).toBeVisible();
    await expect(canvas.getByRole('article', { name: 'You said' })).toHaveTextContent('Compare the picture');
  },
};

export const AnswerWithUsage: Story = {
  render: onEmulator({
    start: (conversation) => conversation.send('What is the capital of France?'),
  }),
  play: async ({ canvasElement }) => {
    const answer = await waitForStatus(canvasElement, 'completed');
    await userEvent.click(within(answer).getByRole('button', { name: 'Show usage' }));
    await expect(within(answer).getByText('Total')).toBeVisible();
  },
};

export const Streaming: Story = {
  render: onEmulator({
    emulator: { pacing: { chunkSize: 6, delayMs: 20 } },
    start: (conversation) => conversation.send('Tell me about streaming [emulator: words=200]'),
  }),
  play: async ({ canvasElement }) => {
    await waitForStreaming(canvasElement);
    const answer = articles(canvasElement)[1] as HTMLElement;
    await expect(answer).toHaveAttribute('aria-busy', 'true');
    await expect(within(answer).getByText('Gemini is answering…')).toBeDefined();
    await waitForStatus(canvasElement, 'completed');
    await expect(answer).not.toHaveAttribute('aria-busy');
  },
};

export const Failed: Story = {
  render: onEmulator({
    faults: [{ type: 'error', afterEvents: 10, message: 'The model stopped responding.' }],
    start: (conversation) => conversation.send('Explain quantum tunnelling.'),
  }),
  play: async ({ canvasElement }) => {
    const failed = await waitForStatus(canvasElement, 'error');
    const alert = within(failed).getByRole('alert');
    await expect(alert).toHaveTextContent('The answer failed while it was being written.');
    await expect(alert).toHaveTextContent('The model stopped responding.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitForStatus(canvasElement, 'completed');
  },
};

const STORY = 'Once upon a time, a stream of tokens flowed from a model to a browser. '.repeat(60);

export const Stopped: Story = {
  render: onEmulator({
    emulator: { pacing: { chunkSize: 8, delayMs: 10 }, responder: () => STORY },
    start: (conversation) => {
      // Stopped once a few sentences are in, as a reader pressing Stop would.
      const unsubscribe = conversation.conversation.subscribe(() => {
        const answer = conversation.conversation.getSnapshot().messages[1];
        if ((answer?.text.length ?? 0) > 300) {
          unsubscribe();
          conversation.stop();
        }
      });
      conversation.send('A long story, please.');
    },
  }),
  play: async ({ canvasElement }) => {
    const stopped = await waitForStatus(canvasElement, 'cancelled');
    await expect(within(stopped).getByText('Stopped')).toBeVisible();
    await expect(within(stopped).getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(stopped.textContent).toContain('Once upon a time');
  },
};

export const Branches: Story = {
  render: onEmulator({
    start: async (conversation) => {
      await conversation.send('Suggest a name for a cat.');
      await conversation.regenerate();
    },
  }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByText('2 of 2')).toBeDefined(), { timeout: 15_000 });
    await waitForStatus(canvasElement, 'completed');
    const answer = articles(canvasElement)[1] as HTMLElement;
    await userEvent.click(within(answer).getByRole('button', { name: 'Previous version' }));
    await waitFor(() => expect(within(canvasElement).getByText('1 of 2')).toBeDefined());
  },
};

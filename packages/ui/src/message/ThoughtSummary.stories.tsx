import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { EmulatorStory } from '../test/EmulatorStory';
import { ThoughtSummary } from './ThoughtSummary';

const SUMMARY = `**Reading the request**

The user asks why the sky is blue. I should explain *Rayleigh scattering* briefly, then say why sunsets are red.`;

const meta = {
  title: 'Chat/ThoughtSummary',
  component: ThoughtSummary,
  args: { text: SUMMARY },
} satisfies Meta<typeof ThoughtSummary>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Collapsed: Story = {
  play: async ({ canvasElement }) => {
    const toggle = within(canvasElement).getByRole('button', { name: 'Thoughts' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    await expect(within(canvasElement).getByText('Reading the request')).toBeVisible();
  },
};

export const Open: Story = { args: { defaultOpen: true } };

/** The summary of a real thinking turn, streaming from the emulator. */
export const Streaming: Story = {
  render: () => (
    <EmulatorStory
      height="auto"
      emulator={{ pacing: { chunkSize: 3, delayMs: 25 } }}
      options={{ generation_config: { thinking_level: 'high', thinking_summaries: 'auto' } }}
      start={(conversation) => conversation.send('Why is the sky blue?')}
    >
      {(conversation) => {
        const answer = conversation.messages[1];
        if (answer?.role !== 'model' || !answer.thoughts) return null;
        const streaming = answer.status === 'streaming' && answer.text === '';
        return <ThoughtSummary text={answer.thoughts} streaming={streaming} defaultOpen />;
      }}
    </EmulatorStory>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('button', { name: 'Thinking…' }, { timeout: 10_000 });
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Thoughts' })).toBeVisible(), {
      timeout: 15_000,
    });
  },
};

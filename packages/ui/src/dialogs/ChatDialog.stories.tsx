import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { EmulatorStory } from '../test/EmulatorStory';
import { waitForStatus } from '../test/play';
import { ChatDialog } from './ChatDialog';

const meta = {
  title: 'Chat/ChatDialog',
  component: ChatDialog,
  args: { conversation: undefined as never },
} satisfies Meta<typeof ChatDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The embeddable widget: a floating launcher that opens the chat as a dialog. */
export const Widget: Story = {
  render: () => (
    <EmulatorStory height="100vh">
      {(conversation) => (
        <div style={{ padding: '2rem' }}>
          <h1>Acme help center</h1>
          <p>The chat opens from the button at the bottom right.</p>
          <ChatDialog conversation={conversation} title="Acme assistant" />
        </div>
      )}
    </EmulatorStory>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const launcher = canvas.getByRole('button', { name: 'Open chat' });
    await userEvent.click(launcher);
    const dialog = await canvas.findByRole('dialog', { name: 'Acme assistant' });
    const input = within(dialog).getByRole('textbox', { name: 'Message' });
    await waitFor(() => expect(input).toHaveFocus());
    await userEvent.keyboard('Where is my order?{Enter}');
    await waitForStatus(dialog, 'completed');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(launcher).toHaveFocus();
  },
};

export const OpenInDarkMode: Story = {
  globals: { theme: 'dark' },
  render: () => (
    <EmulatorStory height="100vh" start={(conversation) => conversation.send('Hello!')}>
      {(conversation) => <ChatDialog conversation={conversation} defaultOpen />}
    </EmulatorStory>
  ),
  play: async ({ canvasElement }) => {
    const dialog = await within(canvasElement).findByRole('dialog', { name: 'Gemini' });
    await waitForStatus(dialog, 'completed');
    await expect(getComputedStyle(dialog).colorScheme).toBe('dark');
  },
};

/** Your own trigger instead of the floating launcher. */
export const CustomLauncher: Story = {
  render: () => (
    <EmulatorStory height="100vh">
      {(conversation) => (
        <div style={{ padding: '2rem' }}>
          <ChatDialog
            conversation={conversation}
            launcher={
              <button type="button" className="gk-button">
                Ask Gemini
              </button>
            }
          />
        </div>
      )}
    </EmulatorStory>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Ask Gemini' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Gemini' });
    await waitFor(() => expect(dialog).toBeVisible());
  },
};

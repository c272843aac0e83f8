import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { samplePicture } from '../test/sample-files';
import { Composer } from './Composer';

const meta = {
  title: 'Chat/Composer',
  component: Composer,
  args: { onSend: fn(), onStop: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: '48rem', margin: '4rem auto 0' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Two lines:{Shift>}{Enter}{/Shift}here.');
    await userEvent.keyboard('{Enter}');
    await expect(args.onSend).toHaveBeenCalledWith('Two lines:\nhere.');
    await expect(input).toHaveValue('');
  },
};

export const WithAttachments: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const picker = canvasElement.querySelector('input[type="file"]') as HTMLInputElement;
    const picture = await samplePicture('photo.png');
    const pdf = new File(['%PDF-1.4'], 'notes.pdf', { type: 'application/pdf' });
    await userEvent.upload(picker, [picture, pdf]);
    await expect(await canvas.findByRole('img', { name: 'Attached image photo.png' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Remove notes.pdf' }));
    await expect(canvas.queryByText('notes.pdf')).toBeNull();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'What is this?{Enter}');
    await expect(args.onSend).toHaveBeenCalledWith(['What is this?', picture]);
  },
};

export const Busy: Story = {
  args: { busy: true },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Next question{Enter}');
    await expect(args.onSend).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    await expect(args.onStop).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    await expect(args.onStop).toHaveBeenCalledTimes(2);
  },
};

export const Disabled: Story = {
  args: { disabledReason: 'The assistant is offline until 9:00.' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('The assistant is offline until 9:00.', { selector: 'p' })).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveAttribute('readonly');
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Send' })).toHaveAccessibleDescription(
        'The assistant is offline until 9:00.',
      ),
    );
  },
};

export const NoAttachments: Story = {
  args: { accept: '', placeholder: 'Text only' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('button', { name: 'Attach files' })).toBeNull();
  },
};

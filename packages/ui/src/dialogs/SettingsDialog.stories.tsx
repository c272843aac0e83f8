import { KNOWN_MODELS } from '@gemkit/emulator';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { SettingsDialog } from './SettingsDialog';

const meta = {
  title: 'Chat/SettingsDialog',
  component: SettingsDialog,
  args: {
    settings: {
      model: 'gemini-3-flash-preview',
      system_instruction: 'You are a helpful assistant.',
      generation_config: { temperature: 0.7, thinking_level: 'low', thinking_summaries: 'auto' },
      mode: 'stateful',
    },
    onSettingsChange: fn(),
    models: KNOWN_MODELS,
  },
} satisfies Meta<typeof SettingsDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Settings' });
    await userEvent.click(trigger);
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog', { name: 'Settings' });
    await waitFor(() => expect(dialog).toBeVisible());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

export const Open: Story = {
  args: { defaultOpen: true },
  play: async ({ args, canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = within(await body.findByRole('dialog', { name: 'Settings' }));
    await expect(dialog.getByRole('combobox', { name: 'Model' })).toHaveValue('gemini-3-flash-preview');
    await userEvent.clear(dialog.getByRole('spinbutton', { name: 'Temperature' }));
    await userEvent.type(dialog.getByRole('spinbutton', { name: 'Temperature' }), '1.2');
    await userEvent.click(dialog.getByRole('radio', { name: /Sent with every message/ }));
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await expect(args.onSettingsChange).toHaveBeenCalledWith(
      expect.objectContaining({
        mode: 'stateless',
        generation_config: expect.objectContaining({ temperature: 1.2 }),
      }),
    );
  },
};

export const FreeModelField: Story = {
  args: { defaultOpen: true, models: undefined, settings: {} },
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = within(await body.findByRole('dialog', { name: 'Settings' }));
    await expect(dialog.getByRole('textbox', { name: 'Model' })).toHaveAttribute(
      'placeholder',
      'Model default',
    );
  },
};

import type { Tool } from '@gemkit/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { EmulatorStory, type EmulatorStorySetup } from '../test/EmulatorStory';
import { LiveMessages } from '../test/LiveMessages';
import { waitForStatus } from '../test/play';
import { Message } from './Message';
import type { RenderToolCall } from './tool-call-render';

/**
 * Function calls in a model message, on the emulator: its default responder calls a declared function for
 * `[emulator: call=NAME]`, then quotes the result it gets back.
 */
const meta = {
  title: 'Chat/Message/Function calls',
  component: Message,
  args: { message: undefined as never },
} satisfies Meta<typeof Message>;

export default meta;
type Story = StoryObj<typeof meta>;

const TOOLS: Tool[] = [
  {
    type: 'function',
    name: 'get_weather',
    description: 'The weather in a city.',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['city', 'unit'],
    },
  },
  {
    type: 'function',
    name: 'delete_files',
    description: 'Deletes files. Ask the user first.',
    parameters: { type: 'object', properties: { pattern: { type: 'string' } }, required: ['pattern'] },
  },
];

/** The built-in block of a call, by its function's name. */
function toolCall(message: HTMLElement, name: string): HTMLElement {
  const blocks = [...message.querySelectorAll<HTMLElement>('details.gk-tool-call')];
  const block = blocks.find(
    (candidate) => candidate.querySelector('.gk-tool-call-name')?.textContent === name,
  );
  if (!block) throw new Error(`no block for ${name}`);
  return block;
}

const onEmulator = (setup: EmulatorStorySetup, renderToolCall?: RenderToolCall) => () => (
  <EmulatorStory height="auto" {...setup}>
    {(conversation) => <LiveMessages conversation={conversation} renderToolCall={renderToolCall} />}
  </EmulatorStory>
);

/** `onToolCall` runs the call in the app; its result goes back and the answer follows, in the same message. */
export const RunByTheApp: Story = {
  render: onEmulator({
    options: {
      tools: TOOLS,
      onToolCall: async ({ arguments: args }) => ({ city: args.city, temperature: 21, sky: 'sunny' }),
    },
    start: (conversation) =>
      conversation.send('What is the weather like? [emulator: call=get_weather preamble]'),
  }),
  play: async ({ canvasElement }) => {
    const answer = await waitForStatus(canvasElement, 'completed');
    const call = toolCall(answer, 'get_weather');
    await expect(call).toHaveAttribute('data-status', 'done');
    await expect(within(call).getByText('Done')).toBeVisible();
    await userEvent.click(within(call).getByText('get_weather'));
    await expect(within(call).getByText('Arguments')).toBeVisible();
    await expect(call.textContent).toContain('"sky": "sunny"');
    await expect(answer.textContent).toContain('I will call get_weather for that.');
    await expect(answer.textContent).toContain('"temperature":21');
  },
};

/** Without `onToolCall` (or when it returns undefined) the call waits for the app: the built-in block says so. */
export const WaitingForTheApp: Story = {
  render: onEmulator({
    options: { tools: TOOLS },
    start: (conversation) =>
      conversation.send('Weather in two cities? [emulator: call=get_weather,get_weather]'),
  }),
  play: async ({ canvasElement }) => {
    const waiting = await waitForStatus(canvasElement, 'requires_action');
    await expect(within(waiting).getAllByText('Waiting for you')).toHaveLength(2);
  },
};

/** Confirmation before a call that deletes: `renderToolCall` renders buttons that answer with `addResult`. */
const confirmDeletion: RenderToolCall = ({ call, status, addResult }) => {
  if (call.name !== 'delete_files' || status !== 'waiting' || !addResult) return undefined;
  return (
    <fieldset className="gk-tool-call" style={{ padding: '0.6em 0.75em', margin: 0 }}>
      <legend style={{ float: 'left', padding: 0, marginBottom: '0.5em' }}>
        Delete the files matching <code>{String(call.arguments.pattern)}</code>?
      </legend>
      <div style={{ display: 'flex', gap: '0.5em', clear: 'both' }}>
        <button type="button" className="gk-button" onClick={() => addResult({ deleted: 3 })}>
          Delete
        </button>
        <button
          type="button"
          className="gk-button"
          onClick={() => addResult('The user declined.', { isError: true })}
        >
          Keep them
        </button>
      </div>
    </fieldset>
  );
};

export const ConfirmedByTheUser: Story = {
  render: onEmulator(
    {
      options: { tools: TOOLS },
      start: (conversation) => conversation.send('Clean up my downloads. [emulator: call=delete_files]'),
    },
    confirmDeletion,
  ),
  play: async ({ canvasElement }) => {
    const waiting = await waitForStatus(canvasElement, 'requires_action');
    const confirm = within(waiting).getByRole('group', { name: /Delete the files matching/ });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    const answer = await waitForStatus(canvasElement, 'completed');
    await expect(within(answer).queryByRole('group', { name: /Delete the files matching/ })).toBeNull();
    const call = toolCall(answer, 'delete_files');
    await expect(call).toHaveAttribute('data-status', 'done');
    await expect(answer.textContent).toContain('{"deleted":3}');
  },
};

/** A function that throws: its error goes back as the result (`is_error`), and the block shows it failed. */
export const FailedCall: Story = {
  render: onEmulator({
    options: {
      tools: TOOLS,
      onToolCall: () => {
        throw new Error('The weather service is unreachable.');
      },
    },
    start: (conversation) => conversation.send('Weather? [emulator: call=get_weather]'),
  }),
  play: async ({ canvasElement }) => {
    const answer = await waitForStatus(canvasElement, 'completed');
    const call = toolCall(answer, 'get_weather');
    await expect(call).toHaveAttribute('data-status', 'error');
    await expect(within(call).getByText('Failed')).toBeVisible();
    await expect(answer.textContent).toContain('The weather service is unreachable.');
  },
};

import type { EmulatorOptions, Fault } from '@gemkit/emulator';
import type { UseConversationOptions, UseConversationResult } from '@gemkit/react';
import { type ComponentType, type ReactNode, useState } from 'react';
import { EmulatorConversation } from './EmulatorConversation';
import { createEmulatorClient, type EmulatorClient } from './emulator-client';

export interface EmulatorStoryProps {
  emulator?: EmulatorOptions;
  /** Queued on the emulator before anything is sent (a 429 for the first create, say). */
  faults?: readonly Fault[];
  options?: UseConversationOptions;
  start?: (conversation: UseConversationResult, harness: EmulatorClient) => void;
  /** Height of the box the children fill. */
  height?: number | string;
  children: (conversation: UseConversationResult, harness: EmulatorClient) => ReactNode;
}

/** Everything a story sets up: its emulator, faults, conversation options, first moves and height. */
export type EmulatorStorySetup = Omit<EmulatorStoryProps, 'children'>;

/** A story's own emulator (created once per mount) and a real conversation on it. */
export function EmulatorStory({
  emulator,
  faults,
  options,
  start,
  height = 560,
  children,
}: EmulatorStoryProps) {
  const [harness] = useState(() => {
    const created = createEmulatorClient(emulator);
    for (const fault of faults ?? []) created.emulator.injectFault(fault);
    return created;
  });
  return (
    <div style={{ height, display: 'flex', flexDirection: 'column' }}>
      <EmulatorConversation
        client={harness.client}
        options={options}
        start={start && ((conversation) => start(conversation, harness))}
      >
        {(conversation) => children(conversation, harness)}
      </EmulatorConversation>
    </div>
  );
}

/**
 * A story's `render` for a component that takes only a conversation (`Chat`, `MessageList`, …): the
 * component on a real conversation with the story's own emulator. Compose `<EmulatorStory>` directly
 * when the story needs more around it.
 */
export function renderOnEmulator(
  View: ComponentType<{ conversation: UseConversationResult }>,
  props: EmulatorStorySetup = {},
) {
  return () => (
    <EmulatorStory {...props}>{(conversation) => <View conversation={conversation} />}</EmulatorStory>
  );
}

import type { EmulatorOptions, Fault } from '@gemkit/emulator';
import type { UseConversationOptions, UseConversationResult } from '@gemkit/react';
import { type ReactNode, useState } from 'react';
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

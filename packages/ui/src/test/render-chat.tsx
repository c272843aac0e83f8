import type { EmulatorOptions } from '@gemkit/emulator';
import type { UseConversationOptions, UseConversationResult } from '@gemkit/react';
import type { ReactNode } from 'react';
import { render } from 'vitest-browser-react';
import { Chat, type ChatProps } from '../chat/Chat';
import { EmulatorConversation } from './EmulatorConversation';
import { createEmulatorClient, TEST_PACING } from './emulator-client';
import '../styles.css';
import './markdown-ready';

export interface RenderChatOptions {
  emulator?: EmulatorOptions;
  options?: UseConversationOptions;
  start?: (conversation: UseConversationResult) => void;
  props?: Omit<ChatProps, 'conversation'>;
  /** Height of the box the chat fills (the list scrolls inside it). */
  height?: number;
  /** Wraps the chat (a strings provider, a probe). */
  wrap?: (node: ReactNode) => ReactNode;
}

/**
 * Renders `<Chat>` on a real `useConversation` whose client talks to an in-browser emulator. Returns
 * the screen, the emulator and the latest conversation result (`chat()`).
 */
export async function renderChat({
  emulator: emulatorOptions,
  options,
  start,
  props,
  height = 600,
  wrap = (node) => node,
}: RenderChatOptions = {}) {
  const harness = createEmulatorClient({ pacing: TEST_PACING, ...emulatorOptions });
  let latest: UseConversationResult | undefined;
  const screen = await render(
    <div style={{ height, display: 'flex', flexDirection: 'column' }}>
      {wrap(
        <EmulatorConversation client={harness.client} options={options} start={start}>
          {(conversation) => {
            latest = conversation;
            return <Chat {...props} conversation={conversation} />;
          }}
        </EmulatorConversation>,
      )}
    </div>,
  );
  return { screen, ...harness, chat: () => latest as UseConversationResult };
}

/** The message articles in the list, in order. */
export const messageElements = (container: Element) =>
  [...container.querySelectorAll<HTMLElement>('article.gk-message')].map((element) => ({
    element,
    role: element.classList.contains('gk-message-user') ? 'user' : 'model',
    status: element.dataset.status,
    text: element.textContent ?? '',
  }));

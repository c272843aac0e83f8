'use client';
import type { ModelMessage, ToolCallView, ToolResultOptions } from '@gemkit/react';
import { createContext, type ReactNode } from 'react';

/** What `renderToolCall` gets for each function call of a model message. */
export interface ToolCallRenderProps extends ToolCallView {
  /** The model message the call belongs to. */
  message: ModelMessage;
  /**
   * Answers this call (`addToolResult`): there while the turn waits for it (`status === 'waiting'`) and the
   * component has the conversation's actions; undefined otherwise.
   */
  addResult: ((result: unknown, options?: ToolResultOptions) => void) | undefined;
}

/**
 * Renders a function call in place of the built-in block: a confirmation with buttons that call `addResult`,
 * a card for a tool's result… Return `undefined` to keep the built-in block for this call (`null` shows
 * nothing). Keep it stable (define it outside the component, or `useCallback`): messages re-render when it
 * changes.
 */
export type RenderToolCall = (props: ToolCallRenderProps) => ReactNode;

/** The `renderToolCall` of the nearest `<Chat>` or `<Message>` that was given one. */
export const ToolCallRenderContext = createContext<RenderToolCall | undefined>(undefined);

'use client';
import { type ModelMessage, toolCallsOf } from '@gemkit/react';
import { Fragment, useContext } from 'react';
import { Markdown } from '../markdown/Markdown';
import type { MessageActions } from './message-actions';
import { ToolCallBlock } from './ToolCallBlock';
import { ToolCallRenderContext } from './tool-call-render';

type Step = ModelMessage['steps'][number];

/**
 * A model message's function calls, in order with the text the model wrote between them; the answer after
 * the last call is the message body's own. Each call is the app's `renderToolCall` or the built-in block.
 * `actions` only for the last message: only its calls can be answered (a turn left waiting when the user
 * wrote on is not part of the history any more).
 */
export function ToolCalls({
  message,
  actions,
}: {
  message: ModelMessage;
  actions: MessageActions | undefined;
}) {
  const render = useContext(ToolCallRenderContext);
  const views = toolCallsOf(message);
  if (views.length === 0) return null;
  const byId = new Map(views.map((view) => [view.call.id, view]));
  const last = lastCallIndex(message.steps);
  const addToolResult = actions?.addToolResult;
  return (
    <div className="gk-tool-calls">
      {message.steps.slice(0, last + 1).map((step, index) => {
        const view = step.type === 'function_call' ? byId.get((step as { id: string }).id) : undefined;
        if (view) {
          const addResult =
            view.status === 'waiting' && addToolResult
              ? (result: unknown, options?: Parameters<typeof addToolResult>[2]) =>
                  addToolResult(view.call.id, result, options)
              : undefined;
          const custom = render?.({ ...view, message, addResult });
          return (
            <Fragment key={view.call.id}>
              {custom === undefined ? <ToolCallBlock {...view} /> : custom}
            </Fragment>
          );
        }
        const text = step.type === 'model_output' ? textOf(step) : '';
        // Steps are only ever appended, so their index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        return text ? <Markdown key={index}>{text}</Markdown> : null;
      })}
    </div>
  );
}

function lastCallIndex(steps: readonly Step[]): number {
  for (let i = steps.length - 1; i >= 0; i--) {
    if (steps[i]?.type === 'function_call' || steps[i]?.type === 'function_result') return i;
  }
  return -1;
}

function textOf(step: Step): string {
  const content = (step as { content?: { type: string; text?: string }[] }).content ?? [];
  return content.map((item) => (item.type === 'text' ? (item.text ?? '') : '')).join('');
}

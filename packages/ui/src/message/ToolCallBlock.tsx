'use client';
import type { ToolCallStatus, ToolCallView } from '@gemkit/react';
import { ChevronDownIcon } from '../icons/icons';
import type { GemkitStrings } from '../strings/default-strings';
import { useGemkitStrings } from '../strings/strings-context';

const STATUS_LABEL: Record<ToolCallStatus, keyof GemkitStrings> = {
  running: 'toolCallRunning',
  waiting: 'toolCallWaiting',
  done: 'toolCallDone',
  error: 'toolCallError',
  cancelled: 'toolCallCancelled',
};

/**
 * One function call, compact: its name and where it is, with the arguments (and the result, once there is
 * one) as formatted JSON behind a native disclosure, so it opens by keyboard and screen readers announce it.
 */
export function ToolCallBlock({ call, result, status }: ToolCallView) {
  const strings = useGemkitStrings();
  return (
    <details className="gk-tool-call" data-status={status} aria-busy={status === 'running' || undefined}>
      <summary className="gk-tool-call-summary">
        <span className="gk-visually-hidden">{strings.toolCall} </span>
        <code className="gk-tool-call-name">{call.name}</code>
        <span className="gk-tool-call-status">{strings[STATUS_LABEL[status]] as string}</span>
        <span className="gk-tool-call-chevron">
          <ChevronDownIcon />
        </span>
      </summary>
      <div className="gk-tool-call-body">
        <p className="gk-tool-call-heading">{strings.toolCallArguments}</p>
        <pre className="gk-tool-call-json">
          <code>{formatJson(call.arguments)}</code>
        </pre>
        {result && (
          <>
            <p className="gk-tool-call-heading">{strings.toolCallResult}</p>
            <pre className="gk-tool-call-json">
              <code>{typeof result.result === 'string' ? result.result : formatJson(result.result)}</code>
            </pre>
          </>
        )}
      </div>
    </details>
  );
}

function formatJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

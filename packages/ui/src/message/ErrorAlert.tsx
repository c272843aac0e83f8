'use client';
import type { AnyGemkitError } from '@gemkit/react';
import { AlertIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';
import { describeError } from './describe-error';

export interface ErrorAlertProps {
  error: AnyGemkitError;
  /** Shows a Retry button. */
  onRetry?: (() => void) | undefined;
  className?: string;
}

/**
 * An error shown as a value: an inline alert (announced once, when it appears) saying what happened
 * in plain words, the server's message when it adds something, and Retry.
 */
export function ErrorAlert({ error, onRetry, className }: ErrorAlertProps) {
  const strings = useGemkitStrings();
  const { title, detail } = describeError(error, strings);
  return (
    <div className={className ? `gk-root gk-error ${className}` : 'gk-root gk-error'} role="alert">
      <AlertIcon />
      <div className="gk-error-text">
        <p className="gk-error-title">{title}</p>
        {detail && detail !== title && <p className="gk-error-detail">{detail}</p>}
      </div>
      {onRetry && (
        <button type="button" className="gk-button" onClick={onRetry}>
          {strings.retry}
        </button>
      )}
    </div>
  );
}

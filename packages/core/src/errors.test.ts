import { expect, test } from 'vitest';
import {
  AbortError,
  type AnyGemkitError,
  NetworkError,
  StreamError,
  StreamInterruptedError,
  toGemkitError,
  UnexpectedError,
} from './errors.js';

test('errors are values: a kind to switch on and JSON without the snapshot', () => {
  const snapshot = { id: 'i', status: 'in_progress' };
  const error = new StreamInterruptedError(
    'not_stored',
    { interactionId: 'i', lastEventId: 'e3' },
    {
      cause: new NetworkError('reset', false),
      snapshot,
    },
  );
  expect(error.snapshot).toBe(snapshot);
  expect(JSON.parse(JSON.stringify(error))).toEqual({
    name: 'StreamInterruptedError',
    kind: 'interrupted',
    message: 'The stream broke and could not be resumed (not stored)',
    reason: 'not_stored',
    interactionId: 'i',
    lastEventId: 'e3',
    cause: 'reset',
  });
});

test('toGemkitError keeps typed errors and wraps everything else', () => {
  const typed = new StreamError('quota', 'Out of quota');
  expect(toGemkitError(typed)).toBe(typed);
  expect(toGemkitError(new DOMException('stop', 'AbortError'))).toBeInstanceOf(AbortError);
  const wrapped = toGemkitError('weird');
  expect(wrapped).toBeInstanceOf(UnexpectedError);
  expect(wrapped.message).toBe('weird');
});

test('the kind narrows the union', () => {
  const describe = (error: AnyGemkitError): string => {
    switch (error.kind) {
      case 'api':
        return `HTTP ${error.status}`;
      case 'stream':
        return `stream ${error.code}`;
      case 'interrupted':
        return error.reason;
      default:
        return error.kind;
    }
  };
  expect(describe(new StreamError('c', 'm'))).toBe('stream c');
  expect(describe(new NetworkError('m', true))).toBe('network');
});

import { expect, test } from 'vitest';
import type { Interaction } from '../wire/index.js';
import { getText, getThoughtSummary } from './text.js';

const interaction: Interaction = {
  id: 'i',
  status: 'completed',
  steps: [
    {
      type: 'thought',
      summary: [
        { type: 'text', text: 'First, ' },
        { type: 'text', text: 'think.' },
      ],
    },
    { type: 'model_output', content: [{ type: 'text', text: 'draft' }] },
    { type: 'thought', summary: [{ type: 'text', text: 'Then check.' }] },
    {
      type: 'model_output',
      content: [
        { type: 'text', text: 'Final ' },
        { type: 'image', uri: 'u' },
        { type: 'text', text: 'answer' },
      ],
    },
  ],
};

test('getText reads the last model_output text, skipping non-text items', () => {
  expect(getText(interaction)).toBe('Final answer');
});

test('getThoughtSummary joins every thought summary', () => {
  expect(getThoughtSummary(interaction)).toBe('First, think.\n\nThen check.');
});

test('both answer an empty string when there is nothing to read', () => {
  expect(getText(undefined)).toBe('');
  expect(getThoughtSummary({ id: 'i', status: 'in_progress' })).toBe('');
  expect(getText({ id: 'i', status: 'in_progress', steps: [{ type: 'model_output' }] })).toBe('');
});

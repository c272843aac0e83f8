import type { FunctionTool } from '@gemkit/core';

/**
 * Function declarations for tests of function calling: with `[emulator: call=get_weather]` (or `get_time`,
 * `delete_files`) in a prompt and these in `tools`, the emulator's default responder calls the function.
 */
export const TEST_TOOLS: readonly FunctionTool[] = [
  {
    type: 'function',
    name: 'get_weather',
    description: 'The current weather in a city.',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
  {
    type: 'function',
    name: 'get_time',
    description: 'The time in a time zone.',
    parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] },
  },
  {
    type: 'function',
    name: 'delete_files',
    description: 'Deletes files; the user confirms first.',
    parameters: { type: 'object', properties: { pattern: { type: 'string' } }, required: ['pattern'] },
  },
];

import type { GenerationConfig } from '@gemkit/core';
import {
  expectArray,
  expectKnownKeys,
  expectNumber,
  expectObject,
  expectOneOf,
  expectString,
  field,
  invalid,
} from './guards.js';

const KEYS = new Set([
  'temperature',
  'top_p',
  'max_output_tokens',
  'stop_sequences',
  'seed',
  'thinking_level',
  'thinking_summaries',
  'tool_choice',
  'image_config',
  'speech_config',
  'transcription_config',
  'video_config',
]);

export const THINKING_LEVELS = ['minimal', 'low', 'medium', 'high'] as const;
export const THINKING_SUMMARIES = ['auto', 'none'] as const;
/** The API accepts at most five stop sequences. */
const MAX_STOP_SEQUENCES = 5;

export function validateGenerationConfig(value: unknown, path = 'generation_config'): GenerationConfig {
  const config = expectObject(value, path);
  expectKnownKeys(config, KEYS, path);
  const at = (key: string) => field(path, key);
  if (config.temperature !== undefined)
    expectNumber(config.temperature, at('temperature'), { min: 0, max: 2 });
  if (config.top_p !== undefined) expectNumber(config.top_p, at('top_p'), { min: 0, max: 1 });
  if (config.max_output_tokens !== undefined) {
    expectNumber(config.max_output_tokens, at('max_output_tokens'), { integer: true, min: 1 });
  }
  if (config.seed !== undefined) expectNumber(config.seed, at('seed'), { integer: true });
  if (config.stop_sequences !== undefined) {
    const list = expectArray(config.stop_sequences, at('stop_sequences'));
    if (list.length > MAX_STOP_SEQUENCES) {
      invalid(at('stop_sequences'), `at most ${MAX_STOP_SEQUENCES} stop sequences`, list);
    }
    for (const [i, item] of list.entries())
      expectString(item, field(at('stop_sequences'), i), { nonEmpty: true });
  }
  if (config.thinking_level !== undefined) {
    expectOneOf(config.thinking_level, THINKING_LEVELS, at('thinking_level'));
  }
  if (config.thinking_summaries !== undefined) {
    expectOneOf(config.thinking_summaries, THINKING_SUMMARIES, at('thinking_summaries'));
  }
  if (config.tool_choice !== undefined && typeof config.tool_choice !== 'string') {
    expectObject(config.tool_choice, at('tool_choice'));
  }
  for (const key of ['image_config', 'speech_config', 'transcription_config', 'video_config']) {
    if (config[key] !== undefined && !Array.isArray(config[key])) expectObject(config[key], at(key));
  }
  return config as GenerationConfig;
}

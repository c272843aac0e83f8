import { describe, expect, it } from 'vitest';
import { mergeSettings, pickSettings } from './settings.js';

describe('mergeSettings', () => {
  it('lets later layers win, merges generation_config per field, and skips undefined', () => {
    expect(
      mergeSettings(
        { model: 'a', system_instruction: 'keep', generation_config: { temperature: 1, seed: 3 } },
        undefined,
        { model: 'b', system_instruction: undefined, generation_config: { temperature: 0 } },
      ),
    ).toEqual({ model: 'b', system_instruction: 'keep', generation_config: { temperature: 0, seed: 3 } });
  });
});

describe('pickSettings', () => {
  it('keeps only request fields', () => {
    const options = { model: 'm', stream: false, onFinish: () => {}, client: {} };
    expect(pickSettings(options)).toEqual({
      model: 'm',
      stream: false,
      system_instruction: undefined,
      generation_config: undefined,
      tools: undefined,
      response_modalities: undefined,
      labels: undefined,
      store: undefined,
      background: undefined,
    });
  });
});

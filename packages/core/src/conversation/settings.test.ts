import { describe, expect, it } from 'vitest';
import { completeSettings, mergeSettings, pickSettings } from './settings.js';

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
  it('keeps only the request fields that are set', () => {
    const options = {
      model: 'm',
      stream: false,
      system_instruction: undefined,
      onFinish: () => {},
      client: {},
    };
    const picked = pickSettings(options);
    expect(picked).toEqual({ model: 'm', stream: false });
    // An unset field is absent, not undefined: spread over defaults it must not erase them.
    expect(Object.keys(picked)).toEqual(['model', 'stream']);
    expect({ stream: true, ...pickSettings({ model: 'm' }) }).toEqual({ stream: true, model: 'm' });
  });
});

describe('completeSettings', () => {
  it('names every request field, unset ones as undefined, and nothing else', () => {
    const complete = completeSettings({ model: 'm', ...({ client: {} } as object) });
    expect(complete.model).toBe('m');
    expect(Object.keys(complete).sort()).toEqual(
      [
        'background',
        'generation_config',
        'labels',
        'model',
        'response_modalities',
        'store',
        'stream',
        'system_instruction',
        'tools',
      ].sort(),
    );
    expect(Object.values(complete).filter((value) => value !== undefined)).toEqual(['m']);
  });
});

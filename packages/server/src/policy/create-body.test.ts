import { describe, expect, it } from 'vitest';
import type { RouteError } from '../errors.js';
import { applyCreatePolicy, type CreatePolicy } from './create-body.js';
import { DEFAULT_ALLOWED_MODELS } from './models.js';

const policy: CreatePolicy = {
  allowedModels: DEFAULT_ALLOWED_MODELS,
  allowedAgents: [],
  maxOutputTokens: undefined,
};

function status(body: Record<string, unknown>, p: CreatePolicy = policy): number | undefined {
  try {
    applyCreatePolicy(body, p);
    return undefined;
  } catch (error) {
    return (error as RouteError).httpStatus;
  }
}

describe('applyCreatePolicy', () => {
  it('passes an allowed model through untouched (same object: forwarded byte for byte)', () => {
    const body = { model: 'gemini-3-flash-preview', input: 'hi' };
    expect(applyCreatePolicy(body, policy)).toBe(body);
    expect(status({ model: 'models/gemini-3-flash-preview' })).toBeUndefined();
  });

  it('refuses a model or agent not on the allowlist with 403', () => {
    expect(status({ model: 'gemini-4-carbon' })).toBe(403);
    expect(status({ agent: 'deep-research' })).toBe(403);
    expect(
      status({ agent: 'deep-research' }, { ...policy, allowedAgents: ['deep-research'] }),
    ).toBeUndefined();
  });

  it('takes a function or * as the allowlist', () => {
    expect(status({ model: 'anything' }, { ...policy, allowedModels: '*' })).toBeUndefined();
    expect(
      status({ model: 'gemma-x' }, { ...policy, allowedModels: (m) => m.startsWith('gemma') }),
    ).toBeUndefined();
  });

  it.each([
    [{}],
    [{ model: 42 }],
    [{ model: '' }],
    [{ model: 'gemini-3-flash-preview', agent: 'x' }],
    [{ model: 'gemini-3-flash-preview', generation_config: 'hot' }],
    [{ model: 'gemini-3-flash-preview', previous_interaction_id: 7 }],
  ])('refuses the malformed body %o with 400', (body) => {
    expect(status(body)).toBe(400);
  });

  describe('with a max_output_tokens cap', () => {
    const capped = { ...policy, maxOutputTokens: 256 };
    it('refuses more than the cap with 400, and nonsense too', () => {
      expect(
        status({ model: 'gemini-3-flash-preview', generation_config: { max_output_tokens: 257 } }, capped),
      ).toBe(400);
      expect(
        status({ model: 'gemini-3-flash-preview', generation_config: { max_output_tokens: -1 } }, capped),
      ).toBe(400);
      expect(
        status({ model: 'gemini-3-flash-preview', generation_config: { max_output_tokens: 'x' } }, capped),
      ).toBe(400);
    });
    it('sends the cap when the client left it out, keeping the rest of the config', () => {
      const out = applyCreatePolicy(
        { model: 'gemini-3-flash-preview', generation_config: { temperature: 0.2 } },
        capped,
      );
      expect(out.generation_config).toEqual({ temperature: 0.2, max_output_tokens: 256 });
    });
    it('passes a request within the cap untouched', () => {
      const body = { model: 'gemini-3-flash-preview', generation_config: { max_output_tokens: 100 } };
      expect(applyCreatePolicy(body, capped)).toBe(body);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { addUsage } from './usage-sum.js';

describe('addUsage', () => {
  it('adds the counts, per modality and per grounding tool, and leaves out what neither side reports', () => {
    expect(
      addUsage(
        {
          total_input_tokens: 10,
          total_tokens: 15,
          input_tokens_by_modality: [{ modality: 'text', tokens: 10 }],
          grounding_tool_count: [{ type: 'google_search', count: 1 }],
        },
        {
          total_input_tokens: 30,
          total_output_tokens: 7,
          total_tokens: 37,
          input_tokens_by_modality: [
            { modality: 'text', tokens: 20 },
            { modality: 'image', tokens: 10 },
          ],
        },
      ),
    ).toEqual({
      total_input_tokens: 40,
      total_output_tokens: 7,
      total_tokens: 52,
      input_tokens_by_modality: [
        { modality: 'text', tokens: 30 },
        { modality: 'image', tokens: 10 },
      ],
      grounding_tool_count: [{ type: 'google_search', count: 1 }],
    });
  });

  it('takes either side alone when the other is missing (a request still streaming has none yet)', () => {
    const usage = { total_tokens: 5 };
    expect(addUsage(undefined, usage)).toBe(usage);
    expect(addUsage(usage, undefined)).toBe(usage);
    expect(addUsage(undefined, undefined)).toBeUndefined();
  });
});

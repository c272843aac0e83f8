import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/random.js';
import { synthesizeArguments } from './arguments.js';
import { parseDirectives } from './directives.js';

describe('synthesizeArguments', () => {
  const random = () => seededRandom(42);

  it('fills required properties only, each with a value of its type', () => {
    const args = synthesizeArguments(
      {
        type: 'object',
        properties: {
          city: { type: 'string' },
          count: { type: 'integer', minimum: 3, maximum: 4 },
          ratio: { type: 'number', minimum: 0.5, maximum: 0.75 },
          flag: { type: 'boolean' },
          tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
          when: { type: 'string', format: 'date' },
          optional: { type: 'string' },
        },
        required: ['city', 'count', 'ratio', 'flag', 'tags', 'when'],
      },
      random(),
    );
    expect(Object.keys(args).sort()).toEqual(['city', 'count', 'flag', 'ratio', 'tags', 'when']);
    expect(typeof args.city).toBe('string');
    expect([3, 4]).toContain(args.count);
    expect(args.ratio).toBeGreaterThanOrEqual(0.5);
    expect(args.ratio).toBeLessThanOrEqual(0.75);
    expect(typeof args.flag).toBe('boolean');
    expect(args.tags).toHaveLength(2);
    expect(args.when).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('follows enums, consts, defaults, nested objects and Gemini-style uppercase types', () => {
    const args = synthesizeArguments(
      {
        type: 'OBJECT',
        properties: {
          unit: { type: 'STRING', enum: ['celsius'] },
          mode: { const: 'fast' },
          size: { type: 'integer', default: 9 },
          where: {
            type: 'object',
            properties: { lat: { type: 'NUMBER' }, label: { type: ['null', 'string'] } },
            required: ['lat', 'label'],
          },
        },
        required: ['unit', 'mode', 'size', 'where'],
      },
      random(),
    );
    expect(args).toMatchObject({ unit: 'celsius', mode: 'fast', size: 9 });
    expect(args.where).toEqual({ lat: expect.any(Number), label: expect.any(String) });
  });

  it('is deterministic for a seed, and gives {} without parameters or for a schema that recurses', () => {
    const schema = { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] };
    expect(synthesizeArguments(schema, random())).toEqual(synthesizeArguments(schema, random()));
    expect(synthesizeArguments(undefined, random())).toEqual({});
    const loop: Record<string, unknown> = { type: 'object', required: ['self'] };
    loop.properties = { self: loop };
    expect(() => synthesizeArguments(loop, random())).not.toThrow();
  });
});

describe('parseDirectives: function calls', () => {
  it('reads call lists (commas or repeats), rounds and preamble, keeping the names as written', () => {
    expect(parseDirectives('Hi [emulator: call=getWeather,get_time rounds=2 preamble]')).toEqual({
      directives: { call: ['getWeather', 'get_time'], rounds: 2, preamble: true },
      text: 'Hi',
    });
    expect(parseDirectives('[emulator: call=a] x [emulator: call=b, words=5]').directives).toEqual({
      call: ['a', 'b'],
      words: 5,
    });
    expect(parseDirectives('[emulator: echo, call=a, b, echo]').directives).toEqual({
      echo: true,
      call: ['a', 'b'],
    });
    expect(parseDirectives('[emulator: rounds=0 call=]').directives).toEqual({});
  });
});

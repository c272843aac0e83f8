import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';

describe('parseCliArgs', () => {
  it('defaults to port 8787', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'serve', options: { port: 8787 } });
  });

  it('reads every option, as separate or inline values', () => {
    expect(
      parseCliArgs(['--port', '9000', '--host=0.0.0.0', '--chunk', '8', '--delay=3', '--api-key', 'k']),
    ).toEqual({
      kind: 'serve',
      options: { port: 9000, host: '0.0.0.0', apiKey: 'k', pacing: { chunkSize: 8, delayMs: 3 } },
    });
  });

  it('asks for help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port'], /--port needs an integer/],
    [['--port', '70000'], /at most 65535/],
    [['--chunk', '0'], /--chunk needs an integer >= 1/],
    [['--delay', '-1'], /--delay/],
    [['--verbose'], /unknown argument "--verbose"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

import type { UpstreamKind } from '../shared/demo-status.js';

/** The first thing a person sees in the terminal: where to go, and where answers come from. */
export function banner(url: string, upstream: UpstreamKind): string {
  const source =
    upstream === 'gemini'
      ? 'Gemini API (GEMINI_API_KEY is set; requests spend your quota)'
      : 'the embedded Gemkit emulator (no GEMINI_API_KEY set; set one to talk to Gemini)';
  return [
    '',
    '  Gemkit demo',
    '',
    `  ➜  Open:     ${url}`,
    `  ➜  Widget:   ${url.replace(/\/$/, '')}/widget`,
    `  ➜  Answers:  ${source}`,
    '',
  ].join('\n');
}

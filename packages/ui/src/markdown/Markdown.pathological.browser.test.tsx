import { describe, expect, test } from 'vitest';
import { pathologicalCases } from './test/pathological';
import { renderMarkdown, streamMarkdown } from './test/render-markdown';

// Completion is the assertion: an input that froze the tab would time the test out. How long each
// takes is measured in bench/markdown, not here.
describe('pathological input renders, and keeps its text', () => {
  test.each(pathologicalCases.map((c) => [c.name, c]))('finished: %s', async (_name, pathological) => {
    const screen = await renderMarkdown(pathological.input);
    expect(pathological.check(screen.container)).toBeNull();
  });

  test.each(pathologicalCases.map((c) => [c.name, c]))('streamed: %s', async (_name, pathological) => {
    const { screen } = await streamMarkdown(pathological.input, Math.ceil(pathological.input.length / 40));
    expect(pathological.check(screen.container)).toBeNull();
  });

  test('heavy markup degrades to its source text instead of thousands of nested elements', async () => {
    const screen = await renderMarkdown('**a**'.repeat(16_000));
    expect(screen.container.querySelectorAll('strong').length).toBe(0);
    expect(screen.container.textContent?.startsWith('**a****a**')).toBe(true);
  });

  test('nesting past the limit becomes plain text, and what follows still renders normally', async () => {
    const screen = await renderMarkdown(`${'> '.repeat(200)}deep\n\nafter **the** quote`);
    expect(screen.container.querySelector('.gk-md-plain')?.textContent).toContain('deep');
    expect(screen.container.querySelector('strong')?.textContent).toBe('the');
  });
});

import { expect, test } from 'vitest';
import { renderMarkdown } from './test/render-markdown';

test('renders headings, emphasis, lists and inline code', async () => {
  const screen = await renderMarkdown('# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n');
  expect(screen.container.querySelector('h1')?.textContent).toBe('Title');
  expect(screen.container.querySelector('strong')?.textContent).toBe('bold');
  expect(screen.container.querySelector('code')?.textContent).toBe('code');
  expect(screen.container.querySelectorAll('li')).toHaveLength(2);
});

test('an empty heading (`###` alone, or an answer stopped after `### `) is not rendered', async () => {
  const screen = await renderMarkdown('Before\n\n###\n\nAfter\n\n## ');
  expect(screen.container.querySelectorAll('h2, h3')).toHaveLength(0);
  expect(screen.container.textContent).toBe('BeforeAfter');
});

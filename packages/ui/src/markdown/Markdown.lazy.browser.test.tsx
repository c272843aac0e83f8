// This file does not preload the parser: it checks what shows before it has loaded.
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { expect, test } from 'vitest';
import { render } from 'vitest-browser-react';
import { Markdown } from './Markdown';
import { loadMarkdownParser } from './parse/load-parser';
import '../styles.css';

const SOURCE = '# Title\n\nSome **bold** text.';

test('until the parser has loaded, the text shows as it is; then formatted, by itself', async () => {
  const screen = await render(<Markdown>{SOURCE}</Markdown>);
  const root = screen.container.querySelector('.gk-markdown') as HTMLElement;
  expect(root.querySelector('h1')).toBeNull();
  expect(root.textContent).toBe(SOURCE);
  expect(getComputedStyle(root.querySelector('p') as HTMLElement).whiteSpace).toBe('pre-wrap');
  await expect.poll(() => root.querySelector('h1')?.textContent).toBe('Title');
  expect(root.querySelector('strong')?.textContent).toBe('bold');
});

test('server rendering gives the plain text, whatever the client has loaded, so hydration matches', async () => {
  await loadMarkdownParser();
  const html = renderToString(<Markdown>{SOURCE}</Markdown>);
  expect(html).toContain('gk-md-plain');
  expect(html).toContain('# Title');
  expect(html).not.toContain('<h1');
});

test('hydrating server markup with the parser already loaded: no mismatch, then formatted', async () => {
  await loadMarkdownParser();
  const container = document.createElement('div');
  container.innerHTML = renderToString(<Markdown>{SOURCE}</Markdown>);
  document.body.append(container);
  const recoverable: unknown[] = [];
  const root = hydrateRoot(container, <Markdown>{SOURCE}</Markdown>, {
    onRecoverableError: (error) => recoverable.push(error),
  });
  try {
    await expect.poll(() => container.querySelector('h1')?.textContent).toBe('Title');
    expect(recoverable).toEqual([]);
  } finally {
    root.unmount();
    container.remove();
  }
});

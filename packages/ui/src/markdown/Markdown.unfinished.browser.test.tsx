import '../test/markdown-ready';
import { describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-react';
import { Markdown } from './Markdown';
import './../styles.css';

/** Renders `text` as the answer so far, still streaming. */
async function midStream(text: string) {
  const screen = await render(<Markdown streaming>{text}</Markdown>);
  return screen.container;
}

describe('unfinished syntax renders as what it is becoming', () => {
  test('a dangling ** renders bold, without the markers', async () => {
    const root = await midStream('Some **bold te');
    expect(root.querySelector('strong')?.textContent).toBe('bold te');
    expect(root.textContent).not.toContain('*');
  });

  test('nested unfinished emphasis closes in order', async () => {
    const root = await midStream('Text **bold and *italic');
    expect(root.querySelector('strong em')?.textContent).toBe('italic');
  });

  test('markers with nothing after them yet are hidden', async () => {
    const root = await midStream('Hello **');
    expect(root.textContent).toBe('Hello');
  });

  test('an unclosed inline code span renders as code', async () => {
    const root = await midStream('Run `npm inst');
    expect(root.querySelector('code')?.textContent).toBe('npm inst');
  });

  test('markers inside an unclosed code span are code, not emphasis', async () => {
    const root = await midStream('Use `a ** b');
    expect(root.querySelector('code')?.textContent).toBe('a ** b');
    expect(root.querySelector('strong')).toBeNull();
  });

  test('an open code fence renders a code block with what has arrived', async () => {
    const root = await midStream('Example:\n\n```python\nprint("hi")\nfor i in');
    expect(root.querySelector('pre code')?.textContent).toBe('print("hi")\nfor i in');
    expect(root.textContent).not.toContain('```');
  });

  test('a half-typed closing fence is not shown as code', async () => {
    const root = await midStream('```js\nconst a = 1;\n``');
    expect(root.querySelector('pre code')?.textContent).toBe('const a = 1;\n');
  });

  test('a table header with a half delimiter row renders as a table', async () => {
    const root = await midStream('| Name | Age |\n| --- | -');
    expect([...root.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Name', 'Age']);
  });

  test('a table header alone renders as a table', async () => {
    const root = await midStream('Here:\n\n| Name | Age |');
    expect(root.querySelectorAll('th')).toHaveLength(2);
  });

  test('a half-written table row fills the row it has', async () => {
    const root = await midStream('| a | b |\n|---|---|\n| 1 | 2 |\n| 3 |');
    expect([...root.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['12', '3']);
  });

  test('a link whose URL is still arriving renders as a link', async () => {
    const root = await midStream('See [the docs](https://example.com/pa');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://example.com/pa');
    expect(root.textContent).not.toContain('](');
  });

  test('an image whose URL is still arriving is not shown (nor fetched)', async () => {
    const root = await midStream('Look: ![a cat](https://example.com/ca');
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent?.trim()).toBe('Look:');
  });

  test('list items and headings render while typed', async () => {
    const root = await midStream('# Plan\n\n1. first\n2. sec');
    expect(root.querySelector('h1')?.textContent).toBe('Plan');
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['first', 'sec']);
  });

  test('unfinished emphasis in a list item closes within the item', async () => {
    const root = await midStream('- one\n- **two');
    expect(root.querySelector('li:last-child strong')?.textContent).toBe('two');
  });

  test('once finished, the text is rendered exactly as written', async () => {
    const screen = await render(<Markdown>{'Some **bold and `code'}</Markdown>);
    expect(screen.container.textContent).toBe('Some **bold and `code');
  });
});

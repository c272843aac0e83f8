import { describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-react';
import { Markdown } from './Markdown';
import { createMarkdownStream } from './parse/markdown-stream';
import { mixedMarkdown } from './test/long-answers';
import '../styles.css';
import '../test/markdown-ready';

const groupsOf = (root: Element) => [...root.querySelectorAll(':scope .gk-markdown > .gk-md-group')];
const isSealed = (group: Element) => group.hasAttribute('data-sealed');

/**
 * A long answer's blocks sit in runs of sixteen; a full run whose blocks are all finished is sealed, and
 * skips layout and paint while off screen (bench/streaming-render: at 120 KB, a third less main-thread time).
 */
describe('block runs', () => {
  test('a finished answer: every block in order, in runs of sixteen, all sealed but a short last one', async () => {
    const text = mixedMarkdown(8_000);
    const blocks = createMarkdownStream().update(text, true).blocks.length;
    const screen = await render(<Markdown>{text}</Markdown>);
    const groups = groupsOf(screen.container);
    expect(groups).toHaveLength(Math.ceil(blocks / 16));
    const sizes = groups.map((group) => group.children.length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(blocks);
    expect(sizes.slice(0, -1).every((size) => size === 16)).toBe(true);
    const lastFull = sizes.at(-1) === 16;
    expect(groups.map(isSealed)).toEqual(groups.map((_, i) => i < groups.length - 1 || lastFull));
    expect(getComputedStyle(groups[0] as Element).contentVisibility).toBe('auto');
    // Nothing lost or reordered: the same text as the answer rendered without runs.
    const plain = document.createElement('div');
    plain.innerHTML = groups.map((group) => group.innerHTML).join('');
    expect(screen.container.querySelector('.gk-markdown')?.textContent).toBe(plain.textContent);
    expect(screen.container.querySelectorAll('h2')).toHaveLength(text.match(/^## /gm)?.length ?? -1);
  });

  test('while streaming, the run holding the open block is not sealed; it is once the answer ends', async () => {
    const text = mixedMarkdown(3_000);
    const blocks = createMarkdownStream().update(text, true).blocks.length;
    expect(blocks % 16).not.toBe(0); // the last run is short, and stays unsealed at the end too
    const screen = await render(<Markdown streaming>{text}</Markdown>);
    const streaming = groupsOf(screen.container);
    expect(streaming.at(-1)?.hasAttribute('data-sealed')).toBe(false);
    expect(streaming.slice(0, -1).every(isSealed)).toBe(true);

    // A run of exactly sixteen whose last block is still open: full, but not sealed until it freezes.
    const sixteen = Array.from({ length: 16 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n');
    await screen.rerender(<Markdown streaming>{sixteen}</Markdown>);
    const open = groupsOf(screen.container);
    expect(open.map((group) => group.children.length)).toEqual([16]);
    expect(open.map(isSealed)).toEqual([false]);
    await screen.rerender(<Markdown>{sixteen}</Markdown>);
    expect(groupsOf(screen.container).map(isSealed)).toEqual([true]);
  });

  test('a heading that opens a run sits as far from the block above as one inside a run', async () => {
    // Blocks 1-16: paragraphs with a heading at 6; block 17 (the next run's first): a heading.
    const paragraphs = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => `Paragraph ${from + i}, long enough to be a line.`);
    const text = [
      ...paragraphs(1, 5),
      '## Inside a run',
      ...paragraphs(6, 10),
      '## Opening a run',
      ...paragraphs(16, 3),
    ].join('\n\n');
    const screen = await render(<Markdown>{text}</Markdown>);
    const gapAbove = (name: string) => {
      const heading = [...screen.container.querySelectorAll('h2')].find((h) => h.textContent === name);
      const headingTop = heading?.getBoundingClientRect().top ?? Number.NaN;
      const above = [...screen.container.querySelectorAll('p')].filter(
        (p) => p.getBoundingClientRect().bottom <= headingTop,
      );
      return headingTop - (above.at(-1)?.getBoundingClientRect().bottom ?? Number.NaN);
    };
    const groups = groupsOf(screen.container);
    expect(groups[1]?.firstElementChild?.textContent).toBe('Opening a run');
    // A sealed run is laid out once the browser has seen it near the viewport, at the next frame: before
    // that, a script that asks sees the placeholder height.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const inside = gapAbove('Inside a run');
    expect(inside).toBeGreaterThan(10);
    expect(Math.abs(gapAbove('Opening a run') - inside)).toBeLessThan(1);
  });
});

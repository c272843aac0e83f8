import { describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-react';
import { Markdown } from './Markdown';
import type { MarkdownSnapshot } from './parse/types';
import { type MarkdownRenderEvent, MarkdownRenderProbeContext } from './render/render-probe';
import { longCodeBlock, longParagraph, mixedMarkdown } from './test/long-answers';
import { type RenderLog, streamMarkdown } from './test/render-markdown';

/** The keys of the pieces of one kind in a snapshot, in document order. */
function piecesOf(snapshot: MarkdownSnapshot, kind: MarkdownRenderEvent['kind']): string[] {
  if (kind === 'block') return snapshot.blocks.map((block) => block.key);
  return snapshot.blocks.flatMap((block) => {
    if (kind === 'chunk' && block.kind === 'paragraph') return block.chunks.map((chunk) => chunk.key);
    if (kind === 'code-group' && block.kind === 'code') return block.groups.map((group) => group.key);
    return [];
  });
}

/**
 * The invariant: in each update, only the newest two pieces of the previous update (the one still
 * growing, and the one that freezes now) and pieces new in this update may render; everything older
 * renders never again. Returns how many distinct pieces rendered.
 */
function expectOnlyNewestRender(log: RenderLog, kind: MarkdownRenderEvent['kind']) {
  const rendered = new Set<string>();
  const oldRenders: string[] = [];
  log.updates.forEach((update, index) => {
    const previous = index > 0 ? piecesOf(log.snapshots[index - 1] as MarkdownSnapshot, kind) : [];
    const old = new Set(previous.slice(0, -2));
    for (const event of update) {
      if (event.kind !== kind) continue;
      rendered.add(event.key);
      if (old.has(event.key)) oldRenders.push(`${event.key}@${index}`);
    }
  });
  expect(oldRenders).toEqual([]);
  return rendered.size;
}

function rendersPerKey(log: RenderLog, kind: MarkdownRenderEvent['kind']) {
  const counts = new Map<string, number>();
  for (const update of log.updates) {
    for (const event of update)
      if (event.kind === kind) counts.set(event.key, (counts.get(event.key) ?? 0) + 1);
  }
  return counts;
}

// Thousands of real re-renders each: generous time limits, and no assertion about time.
describe('render counts while streaming', { timeout: 120_000 }, () => {
  test('50 KB of mixed markdown: each update re-renders only the last block', async () => {
    const text = mixedMarkdown(50_000);
    const { log } = await streamMarkdown(text, 40, { highlight: false });
    const blocks = expectOnlyNewestRender(log, 'block');
    expect(blocks).toBeGreaterThan(400);
    // Bounded total: a block renders while it is the last one, plus once when it freezes.
    const counts = rendersPerKey(log, 'block');
    const first = counts.get('b0') ?? 0;
    expect(first).toBeLessThan(5);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBeLessThan(log.updates.length + 2 * blocks);
  });

  test('one 50 KB paragraph: frozen chunks are rendered once, only the growing tail re-renders', async () => {
    const text = longParagraph(50_000);
    const { screen, log } = await streamMarkdown(text, 20);
    const chunks = expectOnlyNewestRender(log, 'chunk');
    expect(chunks).toBeGreaterThan(50);
    // The whole paragraph was one block and the finished render kept the streamed chunks.
    expect(screen.container.querySelectorAll('p')).toHaveLength(1);
    expect(screen.container.querySelectorAll('strong')).toHaveLength(
      (text.match(/\*\*finished blocks\*\*/g) ?? []).length,
    );
    const last = log.updates[log.updates.length - 1] ?? [];
    expect(last.filter((event) => event.kind === 'chunk').length).toBeLessThanOrEqual(1);
  });

  test('one 50 KB code block: frozen line groups are rendered once', async () => {
    const text = longCodeBlock(50_000);
    const { screen, log } = await streamMarkdown(text, 20, { highlight: false });
    const groups = expectOnlyNewestRender(log, 'code-group');
    expect(groups).toBeGreaterThan(40);
    const code = screen.container.querySelector('code');
    expect(code?.textContent).toBe(text.slice('```js\n'.length, -'```\n'.length));
  });

  test('a finished message next to the streaming one does not re-render', async () => {
    const finished: MarkdownRenderEvent[] = [];
    const streaming: MarkdownRenderEvent[] = [];
    const history = mixedMarkdown(5_000);
    const answer = mixedMarkdown(3_000);
    const onFinished = (event: MarkdownRenderEvent) => finished.push(event);
    const onStreaming = (event: MarkdownRenderEvent) => streaming.push(event);
    const view = (text: string) => (
      <>
        <MarkdownRenderProbeContext.Provider value={onFinished}>
          <Markdown highlight={false}>{history}</Markdown>
        </MarkdownRenderProbeContext.Provider>
        <MarkdownRenderProbeContext.Provider value={onStreaming}>
          <Markdown streaming highlight={false}>
            {text}
          </Markdown>
        </MarkdownRenderProbeContext.Provider>
      </>
    );
    const screen = await render(view(''));
    const rendersAtMount = finished.length;
    expect(rendersAtMount).toBeGreaterThan(10);
    for (let end = 50; end < answer.length; end += 50) await screen.rerender(view(answer.slice(0, end)));
    expect(finished.length).toBe(rendersAtMount);
    expect(streaming.length).toBeGreaterThan(answer.length / 50);
  });
});

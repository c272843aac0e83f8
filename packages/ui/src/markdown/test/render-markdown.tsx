import type { ReactNode } from 'react';
import { render } from 'vitest-browser-react';
import { Markdown, type MarkdownProps } from '../Markdown';
import { createMarkdownStream } from '../parse/markdown-stream';
import type { MarkdownSnapshot } from '../parse/types';
import { type MarkdownRenderEvent, MarkdownRenderProbeContext } from '../render/render-probe';
import '../../styles.css';
import '../../test/markdown-ready';

type Options = Omit<MarkdownProps, 'children' | 'streaming'>;

/**
 * The render events of every update: `updates[i]` holds what rendered for the i-th text given, and
 * `snapshots[i]` what the parser produced for it (from a parser of its own fed the same texts), so a
 * test can tell which pieces existed and which were the newest.
 */
export interface RenderLog {
  readonly updates: MarkdownRenderEvent[][];
  readonly snapshots: MarkdownSnapshot[];
}

/** One probe per log: a new function on every render would change the context and re-render all. */
function prober(log: RenderLog) {
  const probe = (event: MarkdownRenderEvent) => log.updates[log.updates.length - 1]?.push(event);
  return (node: ReactNode) => (
    <MarkdownRenderProbeContext.Provider value={probe}>{node}</MarkdownRenderProbeContext.Provider>
  );
}

/** Renders `text` as a finished answer. */
export async function renderMarkdown(text: string, options: Options = {}) {
  return render(<Markdown {...options}>{text}</Markdown>);
}

/**
 * Streams `text` into one <Markdown> in deltas of `step` characters (as a chat does), then renders it
 * as finished. Returns the screen and, per update, which blocks, chunks and code groups rendered.
 */
export async function streamMarkdown(text: string, step: number, options: Options = {}) {
  const parser = createMarkdownStream();
  const log: RenderLog = { updates: [[]], snapshots: [parser.update('', false)] };
  const probed = prober(log);
  const view = (partial: string, streaming: boolean) =>
    probed(
      <Markdown {...options} streaming={streaming}>
        {partial}
      </Markdown>,
    );
  const screen = await render(view('', true));
  for (let end = step; end < text.length + step; end += step) {
    const partial = text.slice(0, end);
    log.updates.push([]);
    log.snapshots.push(parser.update(partial, false));
    await screen.rerender(view(partial, true));
  }
  log.updates.push([]);
  log.snapshots.push(parser.update(text, true));
  await screen.rerender(view(text, false));
  return { screen, log };
}

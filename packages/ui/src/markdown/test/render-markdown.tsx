import type { ReactNode } from 'react';
import { render } from 'vitest-browser-react';
import { Markdown, type MarkdownProps } from '../Markdown';
import { type MarkdownRenderEvent, MarkdownRenderProbeContext } from '../render/render-probe';
import '../../styles.css';

type Options = Omit<MarkdownProps, 'children' | 'streaming'>;

/** The render events of every update: `updates[i]` holds what rendered for the i-th text given. */
export interface RenderLog {
  readonly updates: MarkdownRenderEvent[][];
}

function probed(node: ReactNode, log: RenderLog) {
  return (
    <MarkdownRenderProbeContext.Provider value={(event) => log.updates[log.updates.length - 1]?.push(event)}>
      {node}
    </MarkdownRenderProbeContext.Provider>
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
  const log: RenderLog = { updates: [[]] };
  const screen = await render(
    probed(
      <Markdown {...options} streaming>
        {''}
      </Markdown>,
      log,
    ),
  );
  for (let end = step; end < text.length + step; end += step) {
    log.updates.push([]);
    await screen.rerender(
      probed(
        <Markdown {...options} streaming>
          {text.slice(0, end)}
        </Markdown>,
        log,
      ),
    );
  }
  log.updates.push([]);
  await screen.rerender(probed(<Markdown {...options}>{text}</Markdown>, log));
  return { screen, log };
}

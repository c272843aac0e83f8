import { type ReactNode, StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { BenchPage, PageResult, RenderCheck, RenderExpectation } from './bench-page';

/**
 * What every contender's page shares: the React root, a long-task observer, and `window.bench` — the
 * handle the benchmark drives the page by (send, wait, check). React commits are counted by the script
 * the build puts first in every page (commit-counter.ts).
 */

const longTasks: { start: number; duration: number }[] = [];
// Buffered: the page load's long tasks too (those before sending are left out by time, below).
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

const commits = () => window.__reactCommits;
let sentAt = Number.NaN;
let commitsAtSend = 0;
let sendText: ((text: string) => void) | undefined;
let finish: ((result: PageResult) => void) | undefined;
const finished = new Promise<PageResult>((resolve) => {
  finish = resolve;
});

export interface ContenderState {
  /** Sends a user message, as the page's send button does. */
  send: (text: string) => void;
  /** True once the answer has stopped streaming and its final text is in the committed tree. */
  done: boolean;
}

/** Connects a contender's chat to the harness; called on every render of its component. */
export function useBenchContender({ send, done }: ContenderState): void {
  const latest = useRef(send);
  latest.current = send;
  sendText ??= (text) => latest.current(text);
  useEffect(() => {
    if (!done || Number.isNaN(sentAt)) return;
    // Committed; the measurement ends once that frame is painted (a task after the next frame).
    requestAnimationFrame(() =>
      setTimeout(() => {
        const doneAt = performance.now();
        finish?.({
          sentAt,
          doneAt,
          commits: commits() - commitsAtSend,
          longTasks: longTasks.filter((task) => task.start >= sentAt && task.start < doneAt),
        });
      }),
    );
  }, [done]);
}

/** Mounts the contender's app and exposes `window.bench`; `before` is what the page loads before it is ready. */
export function mountBenchPage(app: ReactNode, before: Promise<unknown> = Promise.resolve()): void {
  const container = document.getElementById('root') as HTMLElement;
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
  const mounted = new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const bench: BenchPage = {
    ready: Promise.all([before, mounted]).then(() => undefined),
    send(text) {
      if (!sendText) throw new Error('the contender has not rendered');
      sentAt = performance.now();
      commitsAtSend = commits();
      sendText(text);
    },
    finished,
    check: checkRendered,
  };
  window.bench = bench;
}

/**
 * Whether the answer on screen shows the whole text: every expected piece, in order, contiguous (white
 * space aside, which renderers lay out differently), and as many headings, tables, code blocks and list
 * items as the markdown has.
 */
function checkRendered({ selector, pieces, counts }: RenderExpectation): RenderCheck {
  const root = document.querySelector(selector);
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  const text = squeeze(visibleText(root));
  let at = 0;
  let found = 0;
  let missing: string | undefined;
  for (const piece of pieces) {
    const index = text.indexOf(squeeze(piece), at);
    if (index < 0) {
      missing = piece;
      break;
    }
    at = index + squeeze(piece).length;
    found++;
  }
  const count = (query: string) => root?.querySelectorAll(query).length ?? 0;
  return {
    piecesFound: found,
    pieces: pieces.length,
    firstMissing: missing,
    counts: {
      headings: count('h2, h3'),
      tables: count('table'),
      codeBlocks: count('pre'),
      listItems: count('li'),
    },
    expectedCounts: counts,
  };
}

/** Text for screen readers only (Gemkit's "(opens in a new tab)" after links, Tailwind's sr-only). */
const SCREEN_READER_ONLY = '.gk-visually-hidden, .sr-only';

/** The element's text without screen-reader-only text. */
function visibleText(root: Element | null): string {
  if (!root) return '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest(SCREEN_READER_ONLY)) text += node.nodeValue ?? '';
  }
  return text;
}

/** The contract between a benchmark page (`window.bench`) and the Node side that drives it. */

export interface PageResult {
  /** performance.now() when the message was sent, and when the final text had been painted. */
  sentAt: number;
  doneAt: number;
  /** React commits from sending to the end. */
  commits: number;
  /** Long tasks (over 50 ms) that started in that window. */
  longTasks: { start: number; duration: number }[];
}

export interface RenderExpectation {
  /** The element holding the rendered answer. */
  selector: string;
  pieces: string[];
  counts: { headings: number; tables: number; codeBlocks: number; listItems: number };
}

export interface RenderCheck {
  piecesFound: number;
  pieces: number;
  firstMissing: string | undefined;
  counts: RenderExpectation['counts'];
  expectedCounts: RenderExpectation['counts'];
}

export interface BenchPage {
  /** Resolves once the page is mounted and has loaded what it loads up front. */
  ready: Promise<void>;
  send(text: string): void;
  /** Resolves once the answer has finished streaming and its final text is painted. */
  finished: Promise<PageResult>;
  check(expectation: RenderExpectation): RenderCheck;
}

declare global {
  interface Window {
    bench: BenchPage;
    /** Counted by commit-counter.ts. */
    __reactCommits: number;
  }
}

import { rmSync } from 'node:fs';
import type { Pacing } from '@gemkit/emulator';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';
import { CdpBrowser } from '../lib/cdp-browser.js';
import { quantile } from '../lib/measure.js';
import { round } from '../lib/report.js';
import { measureStreamShape, type StreamShape } from './answer-emulator.js';
import { buildPages } from './build-pages.js';
import { generateAnswer } from './document.js';
import { type Contender, measurePage, type PageMeasurement } from './measure-page.js';
import type { RenderCheck } from './pages/bench-page.js';
import { startBenchServer } from './server.js';

const ASSISTANT = '[data-role="assistant"]';

export const CONTENDERS = {
  gemkit: {
    key: 'gemkit',
    name: 'Gemkit <Chat>',
    path: 'gemkit.html',
    answerSelector: '.gk-message-model .gk-markdown',
  },
  streamdown: {
    key: 'usechat-streamdown',
    name: 'useChat + Streamdown',
    path: 'usechat-streamdown.html',
    answerSelector: ASSISTANT,
  },
  streamdownThrottled: {
    key: 'usechat-streamdown-throttle-50',
    name: 'useChat({ throttle: 50 }) + Streamdown',
    path: 'usechat-streamdown.html?throttle=50',
    answerSelector: ASSISTANT,
  },
  reactMarkdown: {
    key: 'usechat-react-markdown',
    name: 'useChat + react-markdown',
    path: 'usechat-react-markdown.html',
    answerSelector: ASSISTANT,
  },
  streamOnly: {
    key: 'stream-only',
    name: 'reference: the stream alone, not rendered',
    path: 'stream-only.html',
    answerSelector: null,
  },
} as const satisfies Record<string, Contender>;

/** The anchor is the better of these (lower main-thread time), per size. */
const ANCHOR_CANDIDATES = [CONTENDERS.streamdown.key, CONTENDERS.streamdownThrottled.key];

export const TARGETS = {
  /** Gemkit's main-thread time ÷ the anchor's, at the base size. */
  mainThreadVsAnchor: 1 / 3,
  /** No long task over this once the message is sent. */
  longestTaskMs: 50,
  /** Gemkit's main-thread time at twice the length ÷ at the base size. */
  growthAtDoubleLength: 2.2,
};

export interface StreamingRenderOptions {
  /** Sizes of the answer in bytes: the base size first, then twice it to see the growth. */
  sizes: number[];
  /** Characters per delta and milliseconds between deltas, the same for every contender. */
  pacing: Pacing;
  /** Page loads per contender and size (contenders take turns, so a load spike hits them alike). */
  runs: number;
  /** Only these contenders (keys of CONTENDERS' `key`), to look at one change; default all. */
  only?: string[];
}

/** The benchmark: ~60 KB in ~6,300 deltas, and twice that. */
export const FULL: StreamingRenderOptions = {
  sizes: [60_000, 120_000],
  pacing: { chunkSize: 10, delayMs: 2 },
  runs: 3,
};

/** Proves the harness works: a short answer (with headings, tables, code and lists), one run. */
export const QUICK: StreamingRenderOptions = {
  sizes: [4_000],
  pacing: { chunkSize: 10, delayMs: 1 },
  runs: 1,
};

export interface Row {
  contender: string;
  name: string;
  /** Medians over the runs (the longest task: the longest of all runs). */
  mainThreadMs: number;
  scriptMs: number;
  layoutStyleMs: number;
  wallMs: number;
  longTasks: number;
  longestTaskMs: number;
  commits: number;
  heapMB: number;
  /** Every run showed the whole answer (always true for the reference). */
  fullText: boolean;
  runs: PageMeasurement[];
}

export interface SizeReport {
  bytes: number;
  stream: StreamShape;
  anchor: string;
  rows: Row[];
  /** Gemkit ÷ anchor, main-thread time. */
  gemkitVsAnchor: number;
  /** Each contender's main-thread time ÷ the anchor's. */
  ratios: Record<string, number>;
}

export interface StreamingRenderReport {
  chromium: string;
  pacing: Pacing;
  runsPerContender: number;
  sizes: SizeReport[];
  /** Main-thread time at the last size ÷ at the first, per contender. */
  growth: Record<string, number>;
  targets: {
    mainThreadVsAnchor: number;
    longestTaskMs: number;
    growthAtDoubleLength: number;
    met: { mainThread: boolean; longTasks: boolean; growth: boolean };
  };
}

/** Whether a check saw the whole answer: every piece in order, and every construct counted. */
export function sawWholeAnswer(check: RenderCheck | null): boolean {
  if (check === null) return true;
  const { counts, expectedCounts } = check;
  return (
    check.piecesFound === check.pieces &&
    counts.headings === expectedCounts.headings &&
    counts.tables === expectedCounts.tables &&
    counts.codeBlocks === expectedCounts.codeBlocks &&
    counts.listItems === expectedCounts.listItems
  );
}

export async function runStreamingRender(options: StreamingRenderOptions): Promise<StreamingRenderReport> {
  const pagesDir = await buildPages();
  const browser = CdpBrowser.launch(CHROMIUM_PATH, CHROMIUM_ARGS);
  try {
    const sizes: SizeReport[] = [];
    for (const bytes of options.sizes) sizes.push(await measureSize(browser, pagesDir, bytes, options));
    const first = sizes[0];
    const last = sizes.at(-1);
    const mainThread = (size: SizeReport | undefined, key: string) =>
      size?.rows.find((row) => row.contender === key)?.mainThreadMs ?? Number.NaN;
    const growth = Object.fromEntries(
      Object.values(CONTENDERS).map(({ key }) => [
        key,
        round(mainThread(last, key) / mainThread(first, key)),
      ]),
    );
    const gemkitRows = sizes.map((size) => size.rows.find((row) => row.contender === CONTENDERS.gemkit.key));
    const met = {
      mainThread: (first?.gemkitVsAnchor ?? Number.NaN) <= TARGETS.mainThreadVsAnchor,
      longTasks: gemkitRows.every((row) => row !== undefined && row.longestTaskMs <= TARGETS.longestTaskMs),
      growth:
        sizes.length > 1 && (growth[CONTENDERS.gemkit.key] ?? Number.NaN) <= TARGETS.growthAtDoubleLength,
    };
    return {
      chromium: await browser.version(),
      pacing: options.pacing,
      runsPerContender: options.runs,
      sizes,
      growth,
      targets: { ...TARGETS, mainThreadVsAnchor: round(TARGETS.mainThreadVsAnchor, 3), met },
    };
  } finally {
    await browser.close();
    rmSync(pagesDir, { recursive: true, force: true });
  }
}

async function measureSize(
  browser: CdpBrowser,
  pagesDir: string,
  bytes: number,
  options: StreamingRenderOptions,
): Promise<SizeReport> {
  const answer = generateAnswer(bytes);
  const stream = await measureStreamShape(answer.markdown, options.pacing);
  const server = await startBenchServer({ pagesDir, markdown: answer.markdown, pacing: options.pacing });
  const contenders: Contender[] = Object.values(CONTENDERS).filter(
    ({ key }) => !options.only || options.only.includes(key),
  );
  const runs = new Map<string, PageMeasurement[]>(contenders.map(({ key }) => [key, []]));
  try {
    for (let run = 0; run < options.runs; run++) {
      // A different contender goes first in each run.
      for (let i = 0; i < contenders.length; i++) {
        const contender = contenders[(i + run) % contenders.length] as Contender;
        runs.get(contender.key)?.push(await measurePage(browser, server.url, contender, answer));
      }
    }
  } finally {
    await server.close();
  }
  const rows = contenders.map((contender) => summarize(contender, runs.get(contender.key) ?? []));
  const mainThread = (key: string) => rows.find((row) => row.contender === key)?.mainThreadMs ?? Number.NaN;
  const candidates = ANCHOR_CANDIDATES.filter((key) => contenders.some((contender) => contender.key === key));
  const anchor = candidates.reduce(
    (best, key) => (mainThread(key) < mainThread(best) ? key : best),
    candidates[0] ?? CONTENDERS.gemkit.key,
  );
  const ratios = Object.fromEntries(
    rows.map((row) => [row.contender, round(row.mainThreadMs / mainThread(anchor))]),
  );
  return {
    bytes: answer.markdown.length,
    stream,
    anchor,
    rows,
    gemkitVsAnchor: ratios[CONTENDERS.gemkit.key] ?? Number.NaN,
    ratios,
  };
}

function summarize(contender: Contender, runs: PageMeasurement[]): Row {
  const median = (pick: (run: PageMeasurement) => number) =>
    round(
      quantile(
        runs.map(pick).sort((a, b) => a - b),
        0.5,
      ),
      1,
    );
  return {
    contender: contender.key,
    name: contender.name,
    mainThreadMs: median((run) => run.mainThreadMs),
    scriptMs: median((run) => run.scriptMs),
    layoutStyleMs: median((run) => run.layoutStyleMs),
    wallMs: median((run) => run.wallMs),
    longTasks: median((run) => run.longTasks),
    longestTaskMs: Math.max(0, ...runs.map((run) => run.longestTaskMs)),
    commits: median((run) => run.commits),
    heapMB: median((run) => run.heapMB),
    fullText: runs.every((run) => sawWholeAnswer(run.check) && run.errors.length === 0),
    runs,
  };
}

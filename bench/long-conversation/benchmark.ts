/**
 * Benchmark 5, long conversation: a 1,000-message conversation in Gemkit's `<Chat>` and in the anchor
 * (`useChat` + Streamdown with the input as component state), in headless Chromium. Time to the first
 * render, and what a keystroke in the composer costs: its latency to the screen, its work, and how much
 * React renders for it. Pages are built once, served from this process, and loaded in turns.
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';
import { quantile } from '../lib/measure.js';
import { round } from '../lib/report.js';
import { type LoadResult, measureLoad } from './browser-run.js';
import { buildPages, CONTENDERS, type Contender } from './build.js';
import { serveDirectory } from './serve.js';

export interface LongConversationOptions {
  messages: number;
  /** Keystrokes typed per page load. */
  keystrokes: number;
  /** Page loads per contender, in turns (gemkit, anchor, anchor, gemkit, …). */
  loads: number;
}

export const FULL: LongConversationOptions = { messages: 1000, keystrokes: 50, loads: 3 };
export const QUICK: LongConversationOptions = { messages: 100, keystrokes: 10, loads: 1 };

/** The target of the issue: a keystroke's work fits in a frame. */
export const TARGET_KEYSTROKE_MS = 16;

export const LABELS: Record<Contender, string> = {
  gemkit: 'Gemkit <Chat>',
  'ai-sdk': 'useChat + Streamdown (input in component state)',
};

export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

export interface ContenderSummary {
  contender: Contender;
  label: string;
  loads: number;
  /** Medians over the loads, ms from navigation start. */
  newestShownMs: number;
  firstCommitMs: number;
  renderedMs: number;
  /** Medians over the loads: main-thread busy time of the load, and its long tasks. */
  loadMainThreadMs: number;
  loadLongTasksMs: number;
  longestLoadTaskMs: number;
  heapMB: number;
  domNodes: number;
  keystrokes: number;
  /** Over every keystroke of every load. */
  latencyMs: Spread;
  workMs: Spread;
  /** The two parts of the work: to the commit, and the frame after it. */
  processMs: Spread;
  frameMs: Spread;
  /** Main-thread busy time while typing, per keystroke. */
  mainThreadPerKeystrokeMs: number;
  /** Main-thread CPU time per keystroke (traced round): what a busy machine does not inflate. */
  cpuMs: Spread;
  commitsPerKeystroke: number;
  maxCommitsInAKeystroke: number;
  messageRendersPerKeystroke: number;
  listRendersPerKeystroke: number;
  /**
   * Chromium's Event Timing, as far as headless Chromium gives it (see page/measure.ts): keystrokes it saw
   * take 16 ms or more, and its longest entry. A lower bound, never the measure.
   */
  eventTiming: { slowKeystrokes: number; longestMs: number };
}

export interface LongConversationReport {
  options: LongConversationOptions;
  /** What the pages ran on, besides the packages measured. */
  environment: { chromium: string; react: string; vite: string };
  method: string;
  contenders: ContenderSummary[];
  /** Anchor ÷ Gemkit: how many times the anchor's cost is Gemkit's. */
  ratios: Record<
    | 'latencyP50'
    | 'latencyP95'
    | 'workP50'
    | 'workP95'
    | 'cpuP50'
    | 'mainThreadPerKeystroke'
    | 'newestShown'
    | 'rendered'
    | 'heap',
    number
  >;
  /**
   * Met when Gemkit's keystroke work p95 is under 16 ms (wall clock, what the typist feels). `cpuMet`: the
   * same bound on its CPU time per keystroke, which tells a slow keystroke from a busy machine.
   */
  target: { workP95Ms: number; met: boolean; cpuMet: boolean };
  /** Problems that make a load's numbers untrustworthy (page errors, wrong text typed, missing messages). */
  problems: string[];
  loads: LoadResult[];
}

export const METHOD =
  'Vite production build (React profiling build, for <Profiler> commit counts), served over loopback, ' +
  'headless Chromium 1280×800, a fresh browser context per load. latency = keydown timestamp → the frame ' +
  'after the update is painted (rAF, then a posted message); work = keydown → update committed, plus that ' +
  "frame's rAF-to-painted time (leaves out the wait for the frame to begin); CPU = the renderer main " +
  "thread's CPU time from one keydown to the next, in a second, traced round of the same typing. " +
  'Target: work p95 < 16 ms.';

const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

function summarize(contender: Contender, loads: LoadResult[]): ContenderSummary {
  const keys = loads.flatMap((load) => load.page.keystrokes);
  const slow = loads.flatMap((load) => load.page.slowEvents);
  const typingMs = loads.reduce((sum, load) => sum + load.mainThread.typingMs, 0);
  return {
    contender,
    label: LABELS[contender],
    loads: loads.length,
    newestShownMs: round(median(loads.map((load) => load.page.newestShownMs))),
    firstCommitMs: round(median(loads.map((load) => load.page.firstCommitMs))),
    renderedMs: round(median(loads.map((load) => load.page.renderedMs))),
    loadMainThreadMs: round(median(loads.map((load) => load.mainThread.loadMs))),
    loadLongTasksMs: round(median(loads.map((load) => load.page.loadLongTasks.totalMs))),
    longestLoadTaskMs: round(Math.max(...loads.map((load) => load.page.loadLongTasks.longestMs))),
    heapMB: round(median(loads.map((load) => load.heapMB)), 1),
    domNodes: median(loads.map((load) => load.domNodes)),
    keystrokes: keys.length,
    latencyMs: spread(keys.map((key) => key.latencyMs)),
    workMs: spread(keys.map((key) => key.workMs)),
    processMs: spread(keys.map((key) => key.processMs)),
    frameMs: spread(keys.map((key) => key.frameMs)),
    mainThreadPerKeystrokeMs: round(typingMs / keys.length),
    cpuMs: spread(loads.flatMap((load) => load.cpuMs)),
    commitsPerKeystroke: round(mean(keys.map((key) => key.commits))),
    maxCommitsInAKeystroke: Math.max(...keys.map((key) => key.commits)),
    messageRendersPerKeystroke: round(mean(keys.map((key) => key.messageRenders))),
    listRendersPerKeystroke: round(mean(keys.map((key) => key.listRenders))),
    eventTiming: {
      slowKeystrokes: new Set(slow.map((entry) => entry.interactionId)).size,
      longestMs: Math.max(0, ...slow.map((entry) => entry.durationMs)),
    },
  };
}

function problemsOf(load: LoadResult, options: LongConversationOptions): string[] {
  const where = `${load.contender}:`;
  const problems = load.pageErrors.map((error) => `${where} page error: ${error}`);
  if (load.page.messages !== options.messages)
    problems.push(`${where} ${load.page.messages} of ${options.messages} messages shown`);
  if (load.value !== load.typed) problems.push(`${where} the composer holds ${JSON.stringify(load.value)}`);
  if (load.page.keystrokes.length !== options.keystrokes)
    problems.push(`${where} ${load.page.keystrokes.length} of ${options.keystrokes} keystrokes measured`);
  if (load.cpuMs.length !== options.keystrokes)
    problems.push(`${where} ${load.cpuMs.length} of ${options.keystrokes} keystrokes traced`);
  return problems;
}

/** Packages the pages are built with, resolved as the build resolves them (from the workspace root). */
const versionOf = (name: string): string =>
  (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;

export async function runLongConversation(options: LongConversationOptions): Promise<LongConversationReport> {
  const directory = await buildPages();
  const server = await serveDirectory(directory);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const loads: LoadResult[] = [];
  const environment = {
    chromium: browser.version(),
    react: versionOf('react'),
    vite: versionOf('vite'),
  };
  try {
    for (let round = 0; round < options.loads; round++) {
      // Alternate who goes first, so that a change in the machine's load hits both alike.
      const order = round % 2 === 0 ? CONTENDERS : [...CONTENDERS].reverse();
      for (const contender of order) loads.push(await measureLoad(browser, server.url, contender, options));
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  }
  const contenders = CONTENDERS.map((contender) =>
    summarize(
      contender,
      loads.filter((load) => load.contender === contender),
    ),
  );
  const [gemkit, anchor] = contenders as [ContenderSummary, ContenderSummary];
  const ratio = (a: number, b: number) => round(a / b);
  return {
    options,
    environment,
    method: METHOD,
    contenders,
    ratios: {
      latencyP50: ratio(anchor.latencyMs.p50, gemkit.latencyMs.p50),
      latencyP95: ratio(anchor.latencyMs.p95, gemkit.latencyMs.p95),
      workP50: ratio(anchor.workMs.p50, gemkit.workMs.p50),
      workP95: ratio(anchor.workMs.p95, gemkit.workMs.p95),
      cpuP50: ratio(anchor.cpuMs.p50, gemkit.cpuMs.p50),
      mainThreadPerKeystroke: ratio(anchor.mainThreadPerKeystrokeMs, gemkit.mainThreadPerKeystrokeMs),
      newestShown: ratio(anchor.newestShownMs, gemkit.newestShownMs),
      rendered: ratio(anchor.renderedMs, gemkit.renderedMs),
      heap: ratio(anchor.heapMB, gemkit.heapMB),
    },
    target: {
      workP95Ms: TARGET_KEYSTROKE_MS,
      met: gemkit.workMs.p95 < TARGET_KEYSTROKE_MS,
      cpuMet: gemkit.cpuMs.p95 < TARGET_KEYSTROKE_MS,
    },
    problems: loads.flatMap((load) => problemsOf(load, options)),
    loads,
  };
}

/**
 * In-page measurement, the same for both contenders: when the conversation first shows, how long each
 * keystroke in the composer takes to reach the screen, and what React does for it. The runner reads it
 * through `window.__bench`.
 *
 * "Reaches the screen" is the frame after the work: a requestAnimationFrame callback runs before that
 * frame's style, layout and paint, and a message posted from it is delivered after them — the usual way
 * to time "until the next paint" from inside a page. Chromium's Event Timing API measures the same from
 * the browser's side, but in headless Chromium it reports few or none of these frames (it waits for
 * presentation feedback that headless mostly does not give): its entries are kept, as seen, not relied on.
 */
import { type RenderCounts, renderCounts } from './render-counts';

export interface Keystroke {
  key: string;
  /** keydown's timestamp → the frame after its update has been painted, in ms: what the typist waits. */
  latencyMs: number;
  /**
   * The work in that: `processMs` plus `frameMs`. Leaves out the wait for the frame to begin (up to a
   * frame interval even on an idle page): the part of a keystroke that has to fit in a 16 ms frame.
   */
  workMs: number;
  /** keydown's timestamp → the update committed (the browser's editing, the event handlers, React). */
  processMs: number;
  /** The next frame's own time: its rAF callbacks, style, layout and paint. */
  frameMs: number;
  /** What React did between this keydown and the next one (or the end of typing). */
  commits: number;
  messageRenders: number;
  listRenders: number;
}

export interface EventTiming {
  name: string;
  durationMs: number;
  interactionId: number;
}

export interface PageReport {
  /** Message elements in the DOM at the end. */
  messages: number;
  /** Navigation start → the frame after the newest message shows as formatted markdown (what the reader sees). */
  newestShownMs: number;
  /** Navigation start → the frame after all messages are in the DOM (as text, or already formatted). */
  firstCommitMs: number;
  /** Navigation start → the frame after the last answer shows as formatted markdown (a `<pre>` in it). */
  renderedMs: number;
  /** The contender's own part of `renderedMs`: from its code's start (bundle loaded and evaluated). */
  mountToRenderedMs: number;
  /** Long tasks (> 50 ms) from navigation until the page had been quiet for a second after rendering. */
  loadLongTasks: { count: number; totalMs: number; longestMs: number };
  keystrokes: Keystroke[];
  /** Event Timing entries (16 ms or longer, the API's floor) of the typing, as far as Chromium gave them. */
  slowEvents: EventTiming[];
  countsAfterLoad: RenderCounts;
}

export interface BenchHandle {
  /** The conversation has rendered and the page has since been quiet for a second. */
  loaded: () => boolean;
  /** Resolves once `count` keystrokes have reached the screen. */
  painted: (count: number) => Promise<void>;
  collect: () => PageReport;
}

declare global {
  interface Window {
    __bench: BenchHandle;
  }
}

interface MeasureOptions {
  /** The number of messages the conversation has. */
  expected: number;
  /** Selects one element per message, in order. */
  messageSelector: string;
}

const TYPING_EVENTS = new Set(['keydown', 'keypress', 'beforeinput', 'input', 'keyup']);

/**
 * Runs `then` after the next frame has been painted, with that moment and the moment the frame's work
 * began (read in the rAF callback: the frame's own timestamp can be older than the input it follows).
 */
function afterNextPaint(then: (painted: number, frame: number) => void): void {
  requestAnimationFrame(() => {
    const frame = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then(performance.now(), frame);
    channel.port2.postMessage(undefined);
  });
}

function observe<T>(type: string, options: object, onEntry: (entry: PerformanceEntry) => T): T[] {
  const seen: T[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(onEntry(entry));
    }).observe({ type, buffered: true, ...options });
  } catch {
    // An entry type this browser does not support: reported as none seen.
  }
  return seen;
}

/** Watches the first render: polled once a frame, which sees the first frame each state reaches the screen. */
function watchLoad({ expected, messageSelector }: MeasureOptions) {
  const longTasks = observe('longtask', {}, (entry) => ({
    start: entry.startTime,
    duration: entry.duration,
  }));
  const moments = { newestShown: Number.NaN, firstCommit: Number.NaN, rendered: Number.NaN };
  const asked = new Set<keyof typeof moments>();
  const markAfterPaint = (moment: keyof typeof moments) => {
    if (asked.has(moment)) return;
    asked.add(moment);
    afterNextPaint((painted) => {
      moments[moment] = painted;
    });
  };
  const state = {
    moments,
    done: undefined as { counts: RenderCounts; longTasks: typeof longTasks } | undefined,
  };
  const poll = () => {
    // Until both moments are seen (then the DOM is not queried again: the query is not free).
    if (!asked.has('rendered')) {
      const shown = document.querySelectorAll(messageSelector);
      // Both pages render the newest message last in the list, whatever they render above it.
      if (shown[shown.length - 1]?.querySelector('pre')) markAfterPaint('newestShown');
      if (shown.length === expected) {
        markAfterPaint('firstCommit');
        if (shown[expected - 1]?.querySelector('pre')) markAfterPaint('rendered');
      }
    }
    const lastTask = longTasks.at(-1);
    const quietSince = Math.max(moments.rendered, lastTask ? lastTask.start + lastTask.duration : 0);
    // Loaded: rendered, and no long task for a second since (lazy parsers and highlighters are done).
    if (performance.now() - quietSince > 1_000) {
      state.done = { counts: renderCounts(), longTasks: [...longTasks] };
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  return state;
}

/** Times each keystroke into a textarea, from its keydown to the frame that shows it. */
function watchKeystrokes() {
  const nan = Number.NaN;
  const keystrokes: Array<{
    key: string;
    start: number;
    processed: number;
    frame: number;
    painted: number;
    before: RenderCounts;
  }> = [];
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  let painted = 0;
  addEventListener(
    'keydown',
    (event) => {
      if (!(event.target instanceof HTMLTextAreaElement)) return;
      const before = renderCounts();
      keystrokes.push({
        key: event.key,
        start: event.timeStamp,
        processed: nan,
        frame: nan,
        painted: nan,
        before,
      });
    },
    { capture: true },
  );
  // Bubbling to the window comes after React's listener on its root: the update is committed by the end of
  // the event (input is a discrete event) and of React's microtasks, which were queued before this one.
  addEventListener('input', (event) => {
    const keystroke = keystrokes.at(-1);
    if (!(event.target instanceof HTMLTextAreaElement) || !keystroke) return;
    queueMicrotask(() => {
      keystroke.processed = performance.now();
      afterNextPaint((paintedAt, frame) => {
        keystroke.painted = paintedAt;
        keystroke.frame = frame;
        painted++;
        for (const waiter of waiting.filter((w) => w.count <= painted)) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve();
        }
      });
    });
  });
  const untilPainted = (count: number) =>
    count <= painted ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ count, resolve }));
  const results = (): Keystroke[] => {
    const ends = [...keystrokes.slice(1).map((keystroke) => keystroke.before), renderCounts()];
    return keystrokes.map(({ key, start, processed, frame, painted: shown, before }, index) => {
      const end = ends[index] as RenderCounts;
      return {
        key,
        latencyMs: shown - start,
        workMs: processed - start + (shown - frame),
        processMs: processed - start,
        frameMs: shown - frame,
        commits: end.commits - before.commits,
        messageRenders: end.messageRenders - before.messageRenders,
        listRenders: end.listRenders - before.listRenders,
      };
    });
  };
  return { untilPainted, results };
}

/** Call first thing in the page's entry, before the contender's code runs. */
export function startMeasuring(options: MeasureOptions): void {
  const mountStart = performance.now();
  const slowEvents = observe('event', { durationThreshold: 16 }, (entry) => ({
    name: entry.name,
    durationMs: entry.duration,
    // Not in TypeScript's DOM types yet; Chromium sets it on every event entry.
    interactionId: (entry as PerformanceEntry & { interactionId?: number }).interactionId ?? 0,
  }));
  const load = watchLoad(options);
  const typing = watchKeystrokes();
  window.__bench = {
    loaded: () => load.done !== undefined,
    painted: typing.untilPainted,
    collect: () => {
      const tasks = load.done?.longTasks ?? [];
      return {
        messages: document.querySelectorAll(options.messageSelector).length,
        newestShownMs: load.moments.newestShown,
        firstCommitMs: load.moments.firstCommit,
        renderedMs: load.moments.rendered,
        mountToRenderedMs: load.moments.rendered - mountStart,
        loadLongTasks: {
          count: tasks.length,
          totalMs: tasks.reduce((sum, task) => sum + task.duration, 0),
          longestMs: Math.max(0, ...tasks.map((task) => task.duration)),
        },
        keystrokes: typing.results(),
        slowEvents: slowEvents.filter((entry) => TYPING_EVENTS.has(entry.name)),
        countsAfterLoad: load.done?.counts ?? renderCounts(),
      };
    },
  };
}

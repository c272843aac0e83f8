import { describe, expect, it } from 'vitest';
import { QUICK, runLongConversation } from './benchmark.js';

/**
 * The long-conversation benchmark's quick mode, in `pnpm test`: a smaller conversation, both pages built,
 * served and typed into in Chromium. No timing is judged; what React does per keystroke is, by count.
 */
describe('long conversation benchmark, quick mode', () => {
  it('types into both chats and counts what each keystroke renders: Gemkit one commit and no message', async () => {
    const report = await runLongConversation(QUICK);
    expect(report.problems).toEqual([]);
    const gemkit = report.loads.find((load) => load.contender === 'gemkit');
    const anchor = report.loads.find((load) => load.contender === 'ai-sdk');
    if (!gemkit || !anchor) throw new Error('a contender was not loaded');

    for (const load of [gemkit, anchor]) {
      expect(load.page.messages).toBe(QUICK.messages);
      expect(load.value).toBe(load.typed);
      expect(load.page.keystrokes).toHaveLength(QUICK.keystrokes);
      // Each moment was seen: the page rendered, formatted, and every keystroke reached the screen.
      expect(Number.isFinite(load.page.renderedMs)).toBe(true);
      expect(load.page.newestShownMs).toBeLessThanOrEqual(load.page.renderedMs);
      for (const key of load.page.keystrokes) expect(Number.isFinite(key.latencyMs)).toBe(true);
      // The profiling build is in: <Profiler> reports commits (the per-keystroke counts rest on it).
      expect(load.page.countsAfterLoad.commits).toBeGreaterThan(0);
      expect(load.page.countsAfterLoad.messageRenders).toBeGreaterThanOrEqual(QUICK.messages);
    }

    // Gemkit: the composer's draft is its own state; typing commits once and renders no message, nor the list.
    expect(gemkit.page.keystrokes.map((key) => key.commits)).toEqual(Array(QUICK.keystrokes).fill(1));
    expect(gemkit.page.keystrokes.map((key) => key.messageRenders)).toEqual(Array(QUICK.keystrokes).fill(0));
    expect(gemkit.page.keystrokes.map((key) => key.listRenders)).toEqual(Array(QUICK.keystrokes).fill(0));

    // The anchor keeps the input in the chat component, so each keystroke renders every message again:
    // the same counters see it, so Gemkit's zeros above are a measurement, not a blind spot.
    for (const key of anchor.page.keystrokes) expect(key.messageRenders).toBe(QUICK.messages);

    expect(report.contenders.map((c) => c.keystrokes)).toEqual([QUICK.keystrokes, QUICK.keystrokes]);
  }, 120_000);
});

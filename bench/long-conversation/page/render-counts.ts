/**
 * What React does, counted the same way for both contenders: commits under a `<Profiler>` around the
 * whole chat (it reports them in the profiling build the pages are built with), and renders of the
 * message list and of each message item, which each contender reports from its own components.
 */
import type { ProfilerOnRenderCallback } from 'react';

export interface RenderCounts {
  commits: number;
  messageRenders: number;
  listRenders: number;
}

const counts: RenderCounts = { commits: 0, messageRenders: 0, listRenders: 0 };

/** The counts so far (a copy). */
export const renderCounts = (): RenderCounts => ({ ...counts });

export const countCommit: ProfilerOnRenderCallback = () => {
  counts.commits++;
};
export const countMessageRender = (): void => {
  counts.messageRenders++;
};
export const countListRender = (): void => {
  counts.listRenders++;
};

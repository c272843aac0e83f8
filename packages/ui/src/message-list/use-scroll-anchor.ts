'use client';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** Within this many pixels of the bottom counts as "at the bottom" (sub-pixel layout, a last line). */
const BOTTOM_SLACK_PX = 40;

const distanceFromBottom = (element: HTMLElement) =>
  element.scrollHeight - element.scrollTop - element.clientHeight;

const prefersReducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Scroll anchoring for a chat: while the reader is at the bottom, growing content (a streaming answer,
 * a new message, an image that loads) keeps the view at the bottom; scrolling up stops that, and
 * `following` turns false (time to offer "Jump to latest"); coming back to the bottom resumes it.
 *
 * Growth is seen by a ResizeObserver on the content, so nothing here depends on React renders. The
 * reader's intent is read from scroll events: moving up means "let me read"; being at the bottom means
 * "follow". Our own scrolls only ever move down, so they never read as the reader leaving.
 */
export function useScrollAnchor() {
  const scrollRef = useRef<HTMLElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const followingRef = useRef(true);
  const lastTop = useRef(0);
  const [following, setFollowing] = useState(true);

  const follow = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowing(value);
  }, []);

  const stick = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller || !followingRef.current) return;
    scroller.scrollTop = scroller.scrollHeight;
    lastTop.current = scroller.scrollTop;
  }, []);

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    stick();
    const observer = new ResizeObserver(stick);
    observer.observe(content);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [stick]);

  const onScroll = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const top = scroller.scrollTop;
    if (distanceFromBottom(scroller) <= BOTTOM_SLACK_PX) {
      if (!followingRef.current) follow(true);
    } else if (top < lastTop.current - 1 && followingRef.current) {
      follow(false);
    }
    lastTop.current = top;
  }, [follow]);

  /** A wheel turned upwards is intent even when the view cannot move yet (content still short). */
  const onWheel = useCallback(
    (event: { deltaY: number }) => {
      const scroller = scrollRef.current;
      if (event.deltaY < 0 && scroller && scroller.scrollTop > 0 && followingRef.current) follow(false);
    },
    [follow],
  );

  /** Back to the newest message, following again (smoothly, unless the reader asked for less motion). */
  const jumpToLatest = useCallback(() => {
    const scroller = scrollRef.current;
    follow(true);
    if (!scroller) return;
    scroller.scrollTo({ top: scroller.scrollHeight, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }, [follow]);

  /** Follow from now on and go to the bottom at once: the reader has just sent a message. */
  const resume = useCallback(() => {
    followingRef.current = true;
    setFollowing(true);
    stick();
  }, [stick]);

  return { scrollRef, contentRef, following, onScroll, onWheel, jumpToLatest, resume };
}

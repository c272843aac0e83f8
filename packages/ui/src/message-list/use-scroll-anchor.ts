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
  /** Where our own last scroll went, until its scroll event arrives (and is not taken for the reader's). */
  const ownScroll = useRef<number | undefined>(undefined);
  const [following, setFollowing] = useState(true);

  const follow = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowing(value);
  }, []);

  const stick = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller || !followingRef.current) return;
    const before = scroller.scrollTop;
    // The reader moved up since our last scroll and the growth came before their scroll event did:
    // theirs wins (a clamp from shrinking content leaves the view at the bottom, so it is not this).
    if (before < lastTop.current - 1 && distanceFromBottom(scroller) > BOTTOM_SLACK_PX) {
      follow(false);
      lastTop.current = before;
      return;
    }
    scroller.scrollTop = scroller.scrollHeight;
    if (scroller.scrollTop !== before) ownScroll.current = scroller.scrollTop;
    lastTop.current = scroller.scrollTop;
  }, [follow]);

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
    const own = ownScroll.current;
    ownScroll.current = undefined;
    // Our own scroll's event may arrive after the reader has turned the wheel up: it must not undo that.
    if (own !== undefined && Math.abs(top - own) < 1) {
      lastTop.current = top;
      return;
    }
    if (distanceFromBottom(scroller) <= BOTTOM_SLACK_PX) {
      if (!followingRef.current) follow(true);
    } else if (top < lastTop.current - 1 && followingRef.current) {
      follow(false);
    }
    lastTop.current = top;
  }, [follow]);

  /**
   * A wheel turned upwards is intent at once, before the view has moved (the next growth would pull it
   * back down first). Only where there is somewhere to scroll to.
   */
  const onWheel = useCallback(
    (event: { deltaY: number }) => {
      const scroller = scrollRef.current;
      const overflows = scroller !== null && scroller.scrollHeight > scroller.clientHeight;
      if (event.deltaY < 0 && overflows && followingRef.current) follow(false);
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

'use client';
import type { UseConversationResult } from '@gemkit/react';
import { type ComponentType, type ReactNode, startTransition, useEffect, useRef, useState } from 'react';
import { useChatRenderProbe } from '../chat/render-probe';
import { ArrowDownIcon } from '../icons/icons';
import { loadMarkdownParser } from '../markdown/parse/load-parser';
import { type FocusHandoff, FocusHandoffContext } from '../message/focus-handoff';
import { Message, type MessageProps } from '../message/Message';
import { useMessageActions } from '../message/message-actions';
import { useGemkitStrings } from '../strings/strings-context';
import { useAnswerAnnouncement } from './use-answer-announcement';
import { useScrollAnchor } from './use-scroll-anchor';

export interface MessageListComponents {
  /** Renders each message (default `Message`); memoize it, the list relies on that. */
  Message?: ComponentType<MessageProps>;
}

export interface MessageListProps {
  /** What `useConversation()` returned. */
  conversation: UseConversationResult;
  /** Shown when there are no messages. */
  emptyState?: ReactNode;
  components?: MessageListComponents;
  /** Accessible name of the scrollable region (default `strings.messageListLabel`). */
  label?: string;
  className?: string;
}

/**
 * The conversation's messages in a scrolling region that follows the stream while the reader is at
 * the bottom, stops when they scroll up, and offers "Jump to latest". Each finished answer is
 * announced once. Every message is memoized on its object, so a streaming answer re-renders alone.
 */
export function MessageList({ conversation, emptyState, components, label, className }: MessageListProps) {
  useChatRenderProbe('message-list', 'list');
  const strings = useGemkitStrings();
  const { messages, branches } = conversation;
  const actions = useMessageActions(conversation);
  const anchor = useScrollAnchor();
  const announcer = useRef<HTMLDivElement>(null);
  const handoff = useRef<FocusHandoff | null>(null);
  useAnswerAnnouncement(messages, announcer, anchor.scrollRef);
  useFollowOnSend(conversation, anchor.resume);
  // Answers will want the markdown parser: start loading it with the list, not with the first answer.
  useEffect(() => {
    loadMarkdownParser().catch(() => undefined);
  }, []);

  const MessageView = components?.Message ?? Message;
  const lastIndex = messages.length - 1;
  const renderFrom = useProgressiveStart(messages.length);
  return (
    <div className={className ? `gk-root gk-message-list ${className}` : 'gk-root gk-message-list'}>
      <section
        ref={anchor.scrollRef}
        className="gk-message-scroll"
        aria-label={label ?? strings.messageListLabel}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region takes focus so that keyboard users can scroll it.
        tabIndex={0}
        onScroll={anchor.onScroll}
        onWheel={anchor.onWheel}
      >
        <div ref={anchor.contentRef} className="gk-message-content">
          <FocusHandoffContext.Provider value={handoff}>
            {messages.length === 0
              ? emptyState
              : groupStarts(messages.length, renderFrom).map((start) => (
                  <div key={start} className="gk-message-group">
                    {messages.slice(start, start + GROUP_SIZE).map((message, offset) => (
                      <MessageView
                        key={message.id}
                        message={message}
                        branch={branches[message.id]}
                        isLast={start + offset === lastIndex}
                        actions={actions}
                      />
                    ))}
                  </div>
                ))}
          </FocusHandoffContext.Provider>
        </div>
      </section>
      {!anchor.following && (
        <button
          type="button"
          className="gk-button gk-jump-latest"
          onClick={() => {
            anchor.jumpToLatest();
            // The button goes away once the view follows again: keep keyboard focus in the list.
            anchor.scrollRef.current?.focus({ preventScroll: true });
          }}
        >
          <ArrowDownIcon />
          {strings.jumpToLatest}
        </button>
      )}
      <div
        ref={announcer}
        className="gk-visually-hidden"
        role="status"
        aria-live="polite"
        aria-atomic="true"
      />
    </div>
  );
}

/**
 * Messages per group. Off-screen groups skip layout and paint (`content-visibility: auto` on the group),
 * and the browser checks every such element against the viewport on each frame that changes layout —
 * a keystroke in the composer, a streamed chunk. Per message, that frame grew with the conversation
 * (2 to 4 ms more at 1,000 messages, 6 or more at 2,000: bench/long-conversation); per group of twenty
 * it stays about the same at any length.
 */
const GROUP_SIZE = 20;

/** Where each group from `from` on starts: by position, so appending a message touches the last group only. */
function groupStarts(count: number, from: number): number[] {
  const first = from / GROUP_SIZE;
  return Array.from(
    { length: Math.ceil(count / GROUP_SIZE) - first },
    (_, group) => (first + group) * GROUP_SIZE,
  );
}

/** When a long conversation appears at once (restored, switched to), about this many of its newest messages show first. */
const FIRST_MESSAGES = 40;
/** The older ones follow this many at a time, newest first, each batch a transition of its own. */
const BATCH_MESSAGES = 60;

/** The first message to render, on a group boundary: `count - FIRST_MESSAGES` or a little before. */
const startFor = (count: number) =>
  Math.max(0, Math.floor((count - FIRST_MESSAGES) / GROUP_SIZE) * GROUP_SIZE);

/**
 * Where rendering starts. A thousand messages render in about a second of main-thread work, as one task if
 * at once: the page would freeze before showing anything. Instead the newest messages render first (what the
 * reader sees: the list opens at the bottom) and older ones are added above in batches, each in a transition
 * that input interrupts, until all are in. Messages arriving one or two at a time (a send, an answer) render
 * at once as always.
 */
function useProgressiveStart(count: number): number {
  const [from, setFrom] = useState(() => startFor(count));
  const [seen, setSeen] = useState(count);
  if (count !== seen) {
    setSeen(count);
    if (count - seen > FIRST_MESSAGES) setFrom(startFor(count));
  }
  useEffect(() => {
    if (from === 0) return;
    const timer = setTimeout(() => startTransition(() => setFrom(Math.max(0, from - BATCH_MESSAGES))), 0);
    return () => clearTimeout(timer);
  }, [from]);
  // Fewer messages (a reset, another branch): never start past what there is.
  return Math.min(from, startFor(count));
}

/**
 * A message the reader has just sent (or an edit) brings the view back to the bottom, wherever they had
 * scrolled. "Just sent" is told by time: a user message created after the list mounted. Messages that
 * were restored, loaded or shown by switching branches are older, and leave the view where it is.
 */
function useFollowOnSend(conversation: UseConversationResult, resume: () => void) {
  const { messages } = conversation;
  let newest = 0;
  for (const message of messages) if (message.role === 'user') newest = Math.max(newest, message.createdAt);
  const seen = useRef<number | undefined>(undefined);
  seen.current ??= Date.now();
  useEffect(() => {
    if (newest <= (seen.current ?? 0)) return;
    seen.current = newest;
    resume();
  }, [newest, resume]);
}

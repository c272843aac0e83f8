'use client';
import type { Message } from '@gemkit/react';
import { type RefObject, useEffect, useRef } from 'react';
import { useGemkitStrings } from '../strings/strings-context';

const inFlight = (message: Message) =>
  message.role === 'model' && (message.status === 'submitted' || message.status === 'streaming');

function lastModelMessage(messages: readonly Message[]) {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role === 'model') return message;
  }
  return undefined;
}

/**
 * Announces an answer once, when it finishes (never token by token): writes to a polite live region
 * that exists from the start. Only an answer seen in flight is announced, so a restored or
 * re-mounted conversation says nothing. The text is the rendered answer (markdown symbols are not
 * read out). Failures are not announced here: their alert (role="alert") speaks for itself.
 */
export function useAnswerAnnouncement(
  messages: readonly Message[],
  region: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
) {
  const strings = useGemkitStrings();
  const watched = useRef<{ id: string; inFlight: boolean } | undefined>(undefined);
  const last = lastModelMessage(messages);

  useEffect(() => {
    if (!last) return;
    const before = watched.current;
    watched.current = { id: last.id, inFlight: inFlight(last) };
    if (before?.id !== last.id || !before.inFlight || inFlight(last) || last.role !== 'model') return;
    let text: string | undefined;
    if (last.status === 'completed' || last.status === 'requires_action') {
      const rendered = list.current?.querySelector(`[data-message-id="${CSS.escape(last.id)}"] .gk-markdown`);
      text = strings.announceAnswer(rendered?.textContent?.trim() || last.text);
    } else if (last.status === 'cancelled') {
      text = strings.announceStopped;
    }
    const element = region.current;
    if (!text || !element) return;
    // Emptied first, so the same words twice in a row are still announced twice.
    element.textContent = '';
    const frame = requestAnimationFrame(() => {
      element.textContent = text;
    });
    return () => cancelAnimationFrame(frame);
  }, [last, strings, region, list]);
}

import type { CutFault, MalformedFault } from '../faults.js';
import type { EmulatorStats } from '../stats.js';
import type { InteractionRecord } from '../store/interactions.js';
import { encodeSseEvent, MALFORMED_BYTES, SSE_HEADERS } from './sse.js';

export interface EventStreamOptions {
  /** The index of the first event to send (0, or the one after `last_event_id`). */
  from: number;
  fault: CutFault | MalformedFault | undefined;
  /** The request's signal: aborts when the client goes away. */
  signal: AbortSignal;
  stats: EmulatorStats;
}

/**
 * An SSE response reading a record's event log from `from`: events already emitted are sent at once,
 * later ones as they come, and the response ends after the interaction's last event. A client going
 * away only ends this response — the generation goes on in the store, ready to be resumed.
 */
export function eventStreamResponse(record: InteractionRecord, options: EventStreamOptions): Response {
  const { fault, signal, stats } = options;
  const encoder = new TextEncoder();
  let cursor = options.from;
  let sent = 0;
  let ended = false;
  let wakeOnAbort: () => void = () => {};
  const aborted = new Promise<void>((resolve) => {
    wakeOnAbort = resolve;
  });

  const end = (outcome: 'streamsCompleted' | 'streamsAbortedByClient' | 'streamsFaulted'): void => {
    if (ended) return;
    ended = true;
    stats[outcome]++;
    signal.removeEventListener('abort', onAbort);
    wakeOnAbort();
  };
  const onAbort = (): void => end('streamsAbortedByClient');
  signal.addEventListener('abort', onAbort, { once: true });
  stats.streamsOpened++;
  if (signal.aborted) onAbort();

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (!ended) {
        if (fault && sent >= fault.afterEvents) {
          end('streamsFaulted');
          if (fault.type === 'cut') {
            controller.error(
              new TypeError(`Connection cut by the emulator after ${sent} events (injected fault).`),
            );
          } else {
            controller.enqueue(MALFORMED_BYTES);
            controller.close();
          }
          return;
        }
        const event = record.events[cursor];
        if (event) {
          cursor++;
          sent++;
          controller.enqueue(encoder.encode(encodeSseEvent(event)));
          return;
        }
        if (record.done) {
          end('streamsCompleted');
          controller.close();
          return;
        }
        await Promise.race([record.changed(), aborted]);
      }
      // The client went away while this pull waited; a reader still holding the body sees an abort.
      controller.error(new DOMException('The client aborted the stream.', 'AbortError'));
    },
    cancel() {
      end('streamsAbortedByClient');
    },
  });
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}

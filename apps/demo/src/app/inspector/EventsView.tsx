import { memo } from 'react';
import type { Exchange, RecordedEvent } from './traffic-recorder';
import { summarizeEvent } from './turn-exchanges';

/** The stream events of a turn's requests, in arrival order, each with its time and its raw text. */
export function EventsView({ exchanges }: { exchanges: readonly Exchange[] }) {
  const streams = exchanges.filter((exchange) => exchange.kind === 'create' || exchange.kind === 'stream');
  if (streams.length === 0) {
    return <p className="demo-inspector-empty">No stream events recorded for this turn in this tab.</p>;
  }
  return (
    <div className="demo-event-streams">
      {streams.map((exchange) => (
        <section
          key={exchange.id}
          className="demo-event-stream"
          aria-label={`${exchange.method} ${exchange.url}`}
        >
          <ExchangeLine exchange={exchange} />
          {exchange.events.length > 0 && (
            <ol className="demo-events">
              {exchange.events.map((event) => (
                <EventRow key={event.index} event={event} />
              ))}
            </ol>
          )}
          {exchange.trailing && (
            <p className="demo-event-trailing">
              Cut off mid-event: <code>{exchange.trailing.slice(0, 200)}</code>
            </p>
          )}
        </section>
      ))}
    </div>
  );
}

/** Method, path, status and timing: the request a stream came from. */
export function ExchangeLine({ exchange }: { exchange: Exchange }) {
  const status = exchange.status ?? (exchange.state === 'pending' ? '…' : '—');
  return (
    <div className="demo-exchange-line" data-state={exchange.state}>
      <span className="demo-exchange-request">
        <strong>{exchange.method}</strong> {exchange.url}
      </span>
      <span className="demo-exchange-facts">
        <span className="demo-status-code" data-ok={exchange.status !== undefined && exchange.status < 400}>
          {status}
        </span>
        {exchange.headersAt !== undefined && <span>headers {exchange.headersAt} ms</span>}
        {exchange.events.length > 0 && <span>{exchange.events.length} events</span>}
        <span className="demo-exchange-state" data-testid="exchange-state">
          {exchange.state === 'streaming'
            ? 'streaming…'
            : exchange.endedAt !== undefined
              ? `${exchange.state} · ${exchange.endedAt} ms`
              : exchange.state}
        </span>
      </span>
      {exchange.error && <span className="demo-exchange-error">{exchange.error}</span>}
    </div>
  );
}

/** Memoized: an event never changes once recorded, so a growing list renders only its new rows. */
const EventRow = memo(function EventRow({ event }: { event: RecordedEvent }) {
  return (
    <li className="demo-event" data-event-type={event.type}>
      <details>
        <summary>
          <span className="demo-event-time">+{event.at} ms</span>
          <span className="demo-event-type">{event.type}</span>
          <span className="demo-event-summary">{summarizeEvent(event)}</span>
        </summary>
        <pre className="demo-event-raw">{event.raw}</pre>
      </details>
    </li>
  );
});

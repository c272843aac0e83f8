import { ExchangeLine } from './EventsView';
import { JsonView } from './JsonView';
import type { Exchange } from './traffic-recorder';

/** Every request of the turn (uploads, the create, resumes, a cancel) with the JSON that went each way. */
export function RequestsView({ exchanges }: { exchanges: readonly Exchange[] }) {
  if (exchanges.length === 0) {
    return <p className="demo-inspector-empty">No requests recorded for this turn in this tab.</p>;
  }
  return (
    <div className="demo-requests">
      {exchanges.map((exchange) => (
        <section key={exchange.id} className="demo-request">
          <ExchangeLine exchange={exchange} />
          {exchange.requestBody !== undefined && (
            <details open={exchange.kind === 'create'}>
              <summary>Request body</summary>
              <JsonView value={exchange.requestBody} />
            </details>
          )}
          {exchange.responseBody !== undefined && (
            <details>
              <summary>Response body</summary>
              <JsonView value={exchange.responseBody} />
            </details>
          )}
        </section>
      ))}
    </div>
  );
}

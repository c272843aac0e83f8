import type { EmulatorState, RequestScope } from '../context.js';
import type { CutFault, MalformedFault } from '../faults.js';
import { badRequest, EmulatorApiError } from '../http/errors.js';
import { jsonResponse } from '../http/json.js';
import { eventStreamResponse } from '../stream/event-stream.js';

function flag(url: URL, name: string): boolean {
  const value = url.searchParams.get(name);
  if (value === null) return false;
  if (value === 'true' || value === '') return true;
  if (value === 'false') return false;
  throw badRequest(`Invalid value at '${name}': expected true or false, got "${value}".`);
}

/**
 * GET /v1beta/interactions/{id} — the stored Interaction (with `input` when `include_input=true`), or with
 * `stream=true` its events again: all of them, or those after `last_event_id`, continuing live.
 */
export function getInteraction(state: EmulatorState, scope: RequestScope, id: string): Response {
  const record = state.interactions.get(id);
  const lastEventId = scope.url.searchParams.get('last_event_id');
  if (!flag(scope.url, 'stream') && scope.url.searchParams.get('alt') !== 'sse') {
    if (lastEventId !== null) throw badRequest('last_event_id is only valid with stream=true.');
    return jsonResponse(record.snapshot(flag(scope.url, 'include_input')));
  }
  const from = lastEventId === null || lastEventId === '' ? 0 : record.indexAfter(lastEventId);
  return eventStreamResponse(record, {
    from,
    fault: scope.takeFault('stream') as CutFault | MalformedFault | undefined,
    signal: scope.request.signal,
    stats: state.stats,
  });
}

/** DELETE /v1beta/interactions/{id} — forgets it; a running generation is stopped first. */
export function deleteInteraction(state: EmulatorState, id: string): Response {
  const record = state.interactions.delete(id);
  record.cancel?.();
  return jsonResponse({});
}

/** POST /v1beta/interactions/{id}/cancel — stops a running generation; the interaction ends `cancelled`. */
export function cancelInteraction(state: EmulatorState, id: string): Response {
  const record = state.interactions.get(id);
  if (!record.cancel) {
    throw new EmulatorApiError(
      400,
      `Interaction '${id}' is not running (status: ${record.interaction.status}); only an in-progress interaction can be cancelled.`,
      { apiStatus: 'FAILED_PRECONDITION' },
    );
  }
  record.cancel();
  state.stats.cancels++;
  return jsonResponse(record.snapshot());
}

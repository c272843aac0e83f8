import type { Call } from '../call.js';
import type { RouteReply } from '../incoming.js';
import type { OwnedKind } from '../ownership/guard.js';

/**
 * `GET` and `DELETE` of one interaction (`…/v1beta/interactions/{id}`, streams and resumes included) or one
 * file (`…/v1beta/files/{id}`): checked against its owner, and forgotten once deleted.
 */
export function readOrDelete(kind: OwnedKind): (call: Call) => Promise<RouteReply> {
  return async (call) => {
    await call.guard?.check(kind, call.id, call.user);
    const upstream = await call.send(null);
    if (!upstream.ok) return call.relayError(upstream);
    if (call.request.method === 'DELETE') await call.guard?.forget(kind, call.id);
    return call.relay(upstream);
  };
}

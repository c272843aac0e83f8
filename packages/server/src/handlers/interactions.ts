import { readJsonObject, readOptionalJsonObject } from '../body.js';
import type { Call } from '../call.js';
import type { RouteReply } from '../incoming.js';
import { createdEventReader } from '../ownership/created-event.js';
import { fileIdsIn } from '../ownership/file-refs.js';
import { applyCreatePolicy } from '../policy/create-body.js';

/** `POST …/v1beta/interactions`: checked against the policy, then forwarded; streamed answers pass through. */
export async function createInteraction(call: Call): Promise<RouteReply> {
  const { options, guard, user } = call;
  const body = await readJsonObject(call.request, options.json);
  const forwarded = applyCreatePolicy(body.value, options);
  if (guard) {
    const previous = forwarded.previous_interaction_id;
    if (typeof previous === 'string') await guard.check('interaction', previous, user);
    for (const fileId of fileIdsIn(forwarded.input)) await guard.check('file', fileId, user);
  }
  const upstream =
    forwarded === body.value
      ? await call.send(body.bytes)
      : await call.send(JSON.stringify(forwarded), { 'content-type': 'application/json' });
  if (!upstream.ok) return call.relayError(upstream);
  // Anonymous interactions need no record: what has no owner stays usable by anonymous requests.
  if (!guard || user === undefined) return call.relay(upstream);

  const ttlMs = options.interactionOwnershipTtlMs;
  if (call.isEventStream(upstream)) {
    const feed = createdEventReader();
    return call.relay(upstream, {
      // Recorded before the client sees the id, so its very next call (a cancel) finds the record.
      inspect: async (chunk) => {
        const { done, id } = feed(chunk);
        if (id) await guard.record('interaction', id, user, ttlMs);
        return done;
      },
    });
  }
  const { text, value } = await call.readJson(upstream);
  const id = (value as { id?: unknown } | undefined)?.id;
  if (typeof id === 'string') await guard.record('interaction', id, user, ttlMs);
  return call.respondWith(upstream, text);
}

/** `POST …/{id}/cancel`: the body is optional (the SDK sends none; some clients send `{}`). */
export async function cancelInteraction(call: Call): Promise<RouteReply> {
  await call.guard?.check('interaction', call.id, call.user);
  const body = await readOptionalJsonObject(call.request, call.options.json);
  const upstream = await call.send(body ? body.bytes : null);
  if (!upstream.ok) return call.relayError(upstream);
  return call.relay(upstream);
}

import { tooManyRequests } from '../errors.js';
import type { BucketSpec, RouteStore } from '../stores/types.js';

/** Takes a token from the client's bucket, or refuses with 429 and how long to wait (whole seconds, at least 1). */
export async function enforceRateLimit(
  store: RouteStore,
  identity: string,
  bucket: BucketSpec,
): Promise<void> {
  const { allowed, retryAfterMs } = await store.takeToken(`rl:${identity}`, bucket);
  if (!allowed) throw tooManyRequests(Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

import { notFound } from '../errors.js';
import type { RouteStore } from '../stores/types.js';

export type OwnedKind = 'interaction' | 'file' | 'upload';

/** Anonymous ownership: recorded for upload sessions, which the route tracks with or without users. */
const NOBODY = '';

/**
 * Who created which interaction, file and upload session, so that one user cannot read, continue, cancel
 * or delete another's. A stranger's resource and one the route never saw are refused alike, with 404:
 * the answer does not tell whether the id exists.
 */
export class OwnershipGuard {
  constructor(private readonly store: RouteStore) {}

  async record(kind: OwnedKind, id: string, user: string | undefined, ttlMs: number): Promise<void> {
    await this.store.set(key(kind, id), user ?? NOBODY, ttlMs);
  }

  /** The recorded owner: a user id, `''` for an anonymous record, `undefined` when there is no record. */
  owner(kind: OwnedKind, id: string): Promise<string | undefined> {
    return this.store.get(key(kind, id));
  }

  /**
   * A named user may use only what is recorded as theirs. An anonymous request may use what has no owner
   * (the app runs without users), but never what a named user owns.
   */
  async check(kind: OwnedKind, id: string, user: string | undefined): Promise<void> {
    const owner = await this.owner(kind, id);
    if (user === undefined ? Boolean(owner) : owner !== user) throw notFound(`No such ${kind}.`);
  }

  async forget(kind: OwnedKind, id: string): Promise<void> {
    await this.store.delete(key(kind, id));
  }
}

function key(kind: OwnedKind, id: string): string {
  return `own:${kind}:${id}`;
}

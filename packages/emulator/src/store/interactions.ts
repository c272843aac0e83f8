import type { Interaction, InteractionEvent, InteractionInput, Step } from '@gemkit/core';
import { badRequest, EmulatorApiError, notFound } from '../http/errors.js';
import { hashString } from '../util/random.js';
import { EventFolder } from './fold.js';

/** An event as emitted, without its id (the record assigns it). */
export type NewEvent = { event_type: string; [key: string]: unknown };

/**
 * One interaction: its resource, the conversation it continued, and the log of every event it emitted.
 * Streams (the create's own, and any GET ?stream=true resume) read the log and wait for more.
 */
export class InteractionRecord {
  readonly id: string;
  readonly interaction: Interaction;
  /** `input` exactly as sent, for GET ?include_input=true. */
  readonly input: InteractionInput;
  /** The steps the model read: earlier turns and this turn's input. */
  readonly conversation: Step[];
  readonly stored: boolean;
  readonly events: InteractionEvent[] = [];
  done = false;
  /** Why the generation failed, when it did (answered as the HTTP error of a non-streamed create). */
  failure: EmulatorApiError | undefined;
  /** Stops a running generation; set by the run that drives this record. */
  cancel: (() => void) | undefined;
  private readonly tag: string;
  private readonly folder: EventFolder;
  private waiters: (() => void)[] = [];

  constructor(init: {
    interaction: Interaction;
    input: InteractionInput;
    conversation: Step[];
    stored: boolean;
  }) {
    this.id = init.interaction.id;
    this.interaction = init.interaction;
    this.input = init.input;
    this.conversation = init.conversation;
    this.stored = init.stored;
    // Event ids carry a tag of their interaction, so a last_event_id from another one is refused.
    this.tag = hashString(this.id).toString(36);
    this.folder = new EventFolder(this.interaction);
  }

  /** Appends an event (giving it an opaque, resumable id), folds it into the resource, wakes readers. */
  emit(event: NewEvent): InteractionEvent {
    if (this.done) throw new Error(`interaction ${this.id} already finished`);
    const stored = { ...event, event_id: `evt_${this.tag}_${this.events.length}` } as InteractionEvent;
    this.events.push(stored);
    this.folder.apply(stored);
    this.wake();
    return stored;
  }

  finish(): void {
    this.done = true;
    this.wake();
  }

  /** Resolves at the next emitted event or when the record finishes. */
  changed(): Promise<void> {
    if (this.done) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The index of the first event after `lastEventId`; 400 when the id is not one of this interaction's. */
  indexAfter(lastEventId: string): number {
    const match = /^evt_([a-z0-9]+)_(\d+)$/i.exec(lastEventId);
    const index = match ? Number(match[2]) : Number.NaN;
    if (!match || match[1] !== this.tag || index >= this.events.length) {
      throw badRequest(`last_event_id '${lastEventId}' is not an event of interaction '${this.id}'.`);
    }
    return index + 1;
  }

  /** A copy of the resource as GET returns it. */
  snapshot(includeInput = false): Interaction {
    const copy = structuredClone(this.interaction);
    if (includeInput) copy.input = structuredClone(this.input);
    return copy;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** How many store:false ids are remembered, to tell "never stored" apart from "unknown". */
const UNSTORED_MEMORY = 10_000;

export class InteractionStore {
  private readonly records = new Map<string, InteractionRecord>();
  private readonly unstored = new Set<string>();

  constructor(private readonly maxStored: number) {}

  add(record: InteractionRecord): void {
    if (!record.stored) {
      this.unstored.add(record.id);
      if (this.unstored.size > UNSTORED_MEMORY) {
        const [oldest] = this.unstored;
        if (oldest !== undefined) this.unstored.delete(oldest);
      }
      return;
    }
    this.records.set(record.id, record);
    this.evict();
  }

  /** The stored record, or a 404 that says why it is not there. */
  get(id: string): InteractionRecord {
    const record = this.records.get(id);
    if (record) return record;
    if (this.unstored.has(id)) {
      throw notFound(
        `Interaction '${id}' was created with store=false, so it was not stored and cannot be read.`,
      );
    }
    throw notFound(`Interaction '${id}' not found.`);
  }

  /** The record a `previous_interaction_id` names: it must be stored and finished. */
  previous(id: string): InteractionRecord {
    if (this.unstored.has(id)) {
      throw badRequest(
        `previous_interaction_id '${id}' refers to an interaction created with store=false; it was not stored, ` +
          'so it cannot be continued. Send the conversation as input steps instead.',
      );
    }
    const record = this.records.get(id);
    if (!record) throw notFound(`previous_interaction_id '${id}' does not refer to a stored interaction.`);
    if (!record.done) {
      throw new EmulatorApiError(400, `previous_interaction_id '${id}' is still in progress.`, {
        apiStatus: 'FAILED_PRECONDITION',
      });
    }
    return record;
  }

  delete(id: string): InteractionRecord {
    const record = this.get(id);
    this.records.delete(id);
    return record;
  }

  clear(): void {
    for (const record of this.records.values()) record.cancel?.();
    this.records.clear();
    this.unstored.clear();
  }

  /** Forgets the oldest finished interactions beyond `maxStored` (running ones are kept). */
  private evict(): void {
    if (this.records.size <= this.maxStored) return;
    for (const [id, record] of this.records) {
      if (this.records.size <= this.maxStored) return;
      if (record.done) this.records.delete(id);
    }
  }
}

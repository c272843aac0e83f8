import {
  createClient,
  createEventDecoder,
  type Interaction,
  type InteractionEvent,
  type KnownInteractionEvent,
  reduceInteraction,
} from '@gemkit/core';
import { GoogleGenAI } from '@google/genai';
import { MODEL } from './record.js';

/** Each contender turns the replayed stream into the final Interaction; the harness checks its text. */
export type Decode = () => Promise<Interaction>;

const BASE_URL = 'http://replay.local';
const REQUEST = { model: MODEL, input: 'Tell me everything about rivers.', stream: true } as const;

/** @gemkit/core as an app uses it: a streamed create, then `finalInteraction()` (decode + reduce). */
export function gemkitDecode(fetch: typeof globalThis.fetch): Decode {
  const client = createClient({ baseUrl: BASE_URL, fetch });
  return async () => (await client.interactions.create(REQUEST)).finalInteraction();
}

/** @gemkit/core event by event, as a UI loop takes it: `for await`, reading `stream.snapshot` after each. */
export function gemkitIterate(fetch: typeof globalThis.fetch): Decode {
  const client = createClient({ baseUrl: BASE_URL, fetch });
  return async () => {
    const stream = await client.interactions.create(REQUEST);
    let snapshot: Interaction | undefined;
    for await (const _event of stream) snapshot = stream.snapshot;
    if (!snapshot) throw new Error('the stream had no events');
    return snapshot;
  };
}

/**
 * The official SDK: a streamed `interactions.create` yields parsed events and leaves putting them together
 * to the app, so the app's loop is the small mutable accumulator below (cheaper than an immutable
 * reducer; the SDK gets every benefit of the doubt). `create` wraps the stream for automatic
 * continuation; `get(id, { stream: true })` is the SDK's lowest-level public path to a decoded stream.
 */
export function genaiDecode(fetch: typeof globalThis.fetch, path: 'create' | 'get'): Decode {
  const ai = new GoogleGenAI({ apiKey: 'bench', httpOptions: { baseUrl: BASE_URL, fetch } });
  return async () => {
    const stream =
      path === 'create'
        ? await ai.interactions.create(REQUEST)
        : await ai.interactions.get('v1_replayed', { stream: true });
    const accumulator = createAccumulator();
    for await (const event of stream) accumulator.add(event as InteractionEvent);
    return accumulator.interaction;
  };
}

/** The practical floor: JSON.parse over every event's data, and nothing else. */
export function jsonParseFloor(payloads: readonly string[]): () => number {
  return () => {
    let parsed = 0;
    for (const payload of payloads) if (JSON.parse(payload) !== null) parsed++;
    return parsed;
  };
}

/** Gemkit's reducer alone over events already parsed: how much of the cost is reducing. */
export function gemkitReduceOnly(payloads: readonly string[]): () => Interaction | undefined {
  const events = payloads.map((payload) => JSON.parse(payload) as InteractionEvent);
  return () => {
    let snapshot: Interaction | undefined;
    for (const event of events) snapshot = reduceInteraction(snapshot, event);
    return snapshot;
  };
}

interface TextItem {
  type: 'text';
  text: string;
}
type MutableStep = { type: string; content?: TextItem[]; summary?: TextItem[]; signature?: string };

/** What an SDK user writes to rebuild the Interaction: appends text in place, handles the common events. */
function createAccumulator() {
  const interaction = { id: '', status: 'in_progress', steps: [] as MutableStep[] } as Interaction & {
    steps: MutableStep[];
  };
  const append = (step: MutableStep, key: 'content' | 'summary', text: string) => {
    const items = step[key] ?? [];
    step[key] = items;
    const last = items[items.length - 1];
    if (last) last.text += text;
    else items.push({ type: 'text', text });
  };
  return {
    interaction: interaction as Interaction,
    add(event: InteractionEvent) {
      // The SDK's events are typed by the SDK; these are the same wire shapes.
      const e = event as KnownInteractionEvent;
      switch (e.event_type) {
        case 'interaction.created':
        case 'interaction.completed': {
          const { steps: _steps, ...fields } = e.interaction;
          Object.assign(interaction, fields);
          break;
        }
        case 'interaction.status_update':
          interaction.status = e.status;
          break;
        case 'step.start':
          interaction.steps[e.index] = { ...(e.step as MutableStep) };
          break;
        case 'step.delta': {
          const step = interaction.steps[e.index] as MutableStep;
          const delta = e.delta as { type: string; text?: string; content?: TextItem; signature?: string };
          if (delta.type === 'text') append(step, 'content', delta.text ?? '');
          else if (delta.type === 'thought_summary') append(step, 'summary', delta.content?.text ?? '');
          else if (delta.type === 'thought_signature') step.signature = delta.signature ?? '';
          break;
        }
      }
    },
  };
}

/** Gemkit's decoder alone (bytes → events, no reducer, no client): how much of the cost is decoding. */
export function gemkitDecodeOnly(fetch: typeof globalThis.fetch): () => Promise<number> {
  return async () => {
    const reader = ((await fetch(BASE_URL)).body as ReadableStream<Uint8Array>).getReader();
    const decoder = createEventDecoder();
    let events = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      events += decoder.push(read.value).length;
    }
    return events + decoder.end().length;
  };
}

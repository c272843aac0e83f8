/** Helpers for this package's tests: requests to the handler and reading SSE bodies. Not exported. */
import type { ApiErrorResponse, Interaction, InteractionEvent } from '@gemkit/core';
import { expect } from 'vitest';
import type { Emulator } from './emulator.js';
import { FAST_PACING, TEST_MODEL } from './testing/pacing.js';

export const MODEL = TEST_MODEL;
/** Pacing that keeps tests fast while still yielding between deltas. */
export const FAST = FAST_PACING;

export const BASE = 'http://emulator.test';

/** A 1×1 PNG, 70 bytes. */
export const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export function post(
  emulator: Emulator,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return emulator.fetch(
    new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

export function get(
  emulator: Emulator,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return emulator.fetch(new Request(`${BASE}${path}`, { headers }));
}

export async function create(emulator: Emulator, body: Record<string, unknown>): Promise<Interaction> {
  const response = await post(emulator, '/v1beta/interactions', { model: MODEL, ...body });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Interaction;
}

/** The text of the last model_output step. */
export function answerText(interaction: Pick<Interaction, 'steps'>): string {
  const outputs = (interaction.steps ?? []).filter((s) => s.type === 'model_output');
  const content = (outputs[outputs.length - 1] as { content?: { type: string; text?: string }[] } | undefined)
    ?.content;
  return (content ?? []).map((c) => c.text ?? '').join('');
}

export interface SseMessage {
  event: string | undefined;
  data: InteractionEvent;
}

/** Parses a complete SSE text into messages (every data line must be JSON). */
export function parseSse(text: string): SseMessage[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice('event: '.length);
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice('data: '.length));
      return { event, data: JSON.parse(data.join('\n')) as InteractionEvent };
    });
}

export async function readEvents(response: Response): Promise<InteractionEvent[]> {
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return parseSse(await response.text()).map((m) => m.data);
}

/** Reads a body until it ends or fails; returns what arrived and the error, if any. */
export async function readUntilFailure(response: Response): Promise<{ text: string; error: unknown }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, error: undefined };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

/** Streamed text of a step kind, reassembled from the deltas. */
export function streamedText(events: InteractionEvent[], deltaType = 'text'): string {
  return events
    .filter((e) => e.event_type === 'step.delta')
    .map((e) => (e as { delta: { type: string; text?: string; content?: { text?: string } } }).delta)
    .filter((d) => d.type === deltaType)
    .map((d) => d.text ?? d.content?.text ?? '')
    .join('');
}

export async function expectApiError(
  response: Response,
  status: number,
  apiStatus: string,
  message?: RegExp,
): Promise<ApiErrorResponse> {
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await response.json()) as ApiErrorResponse;
  expect({ httpStatus: response.status, code: body.error.code, status: body.error.status }).toEqual({
    httpStatus: status,
    code: status,
    status: apiStatus,
  });
  expect(typeof body.error.message).toBe('string');
  if (message) expect(body.error.message).toMatch(message);
  return body;
}

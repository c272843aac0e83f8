import { getText, getThoughtSummary, type Interaction } from '@gemkit/core';
import { createEmulator } from '@gemkit/emulator';

export const MODEL = 'gemini-3-flash-preview';

export interface Recording {
  /** The whole `text/event-stream` body, as the emulator sent it. */
  bytes: Uint8Array;
  /** The `data` of every event: what JSON.parse alone would be given (the practical floor). */
  payloads: string[];
  /** The stored Interaction (GET after the stream), which every decoder must rebuild. */
  stored: Interaction;
  text: string;
  thoughts: string;
}

/**
 * Records one long streamed answer with a thought summary from the real emulator, unpaced. Generated at
 * bench time (a few hundred KB to a MB) rather than committed.
 */
export async function recordStream(words: number): Promise<Recording> {
  // 24 characters per text delta: the emulator's default pacing, about what Gemini sends per chunk.
  const emulator = createEmulator({ pacing: { chunkSize: 24, delayMs: 0 } });
  const call = (path: string, body?: object) =>
    emulator.fetch(`http://emulator.local${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
  const response = await call('/v1beta/interactions', {
    model: MODEL,
    input: `Tell me everything about rivers. [emulator: words=${words}]`,
    generation_config: { thinking_level: 'high', thinking_summaries: 'auto', seed: 7 },
    stream: true,
  });
  if (!response.ok) throw new Error(`recording failed: HTTP ${response.status} ${await response.text()}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const payloads = dataLines(new TextDecoder().decode(bytes));
  const created = JSON.parse(payloads[0] ?? '{}') as { interaction?: { id?: string } };
  const stored = (await (
    await call(`/v1beta/interactions/${created.interaction?.id}`)
  ).json()) as Interaction;
  return { bytes, payloads, stored, text: getText(stored), thoughts: getThoughtSummary(stored) };
}

/** The emulator writes each event as `event:` and one `data:` line, LF-terminated. */
function dataLines(body: string): string[] {
  return body
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => line.slice('data: '.length));
}

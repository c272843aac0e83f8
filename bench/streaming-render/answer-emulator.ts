import { createEmulator, type Emulator, type Pacing } from '@gemkit/emulator';
import { MODEL } from './pages/model.js';

export { MODEL };

/** Where the emulator is mounted, as an app mounts its Gemini route (@gemkit/react's default base URL). */
export const GEMINI_ROUTE = '/api/gemini';

/**
 * The emulator answering every turn with the benchmark's markdown as one model_output step (no thought
 * step), streamed at the given pace: `chunkSize` characters per delta (cut after whitespace like tokens)
 * and `delayMs` between deltas. Both contenders read this one generator, so they get the same deltas.
 */
export function createAnswerEmulator(markdown: string, pacing: Pacing): Emulator {
  return createEmulator({
    responder: () => ({ steps: [{ type: 'model_output', content: [{ type: 'text', text: markdown }] }] }),
    pacing,
    basePath: GEMINI_ROUTE,
  });
}

export interface StreamShape {
  /** Text deltas in the stream. */
  deltas: number;
  /** Bytes of the Interactions API event stream (what Gemkit reads). */
  interactionsBytes: number;
}

/** Counts the deltas of one unpaced run of the same answer, for the report. */
export async function measureStreamShape(markdown: string, pacing: Pacing): Promise<StreamShape> {
  const emulator = createAnswerEmulator(markdown, { ...pacing, delayMs: 0 });
  const response = await emulator.fetch(`${GEMINI_ROUTE}/v1beta/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: MODEL, input: 'benchmark', stream: true }),
  });
  const body = await response.text();
  return {
    deltas: body.split('\n').filter((line) => line === 'event: step.delta').length,
    interactionsBytes: new TextEncoder().encode(body).length,
  };
}

import type { Content, GenerationConfig, Step } from '@gemkit/core';
import { TOKEN_ESTIMATE } from './usage.js';

/**
 * Applies `stop_sequences` (the text ends just before the first one) and `max_output_tokens` (the text
 * is cut at the token budget, estimated like usage) to the output's model_output text. As with the
 * API, the interaction still completes; its usage shows the shorter output. Output after the point
 * where generation stopped is dropped.
 */
export function applyOutputLimits(steps: Step[], config: GenerationConfig): Step[] {
  const stops = config.stop_sequences ?? [];
  let budget =
    config.max_output_tokens === undefined
      ? Number.POSITIVE_INFINITY
      : config.max_output_tokens * TOKEN_ESTIMATE.charsPerToken;
  const out: Step[] = [];
  for (const step of steps) {
    if (step.type !== 'model_output' || !Array.isArray((step as { content?: unknown }).content)) {
      out.push(step);
      continue;
    }
    const content: Content[] = [];
    let stopped = false;
    for (const item of (step as { content: Content[] }).content) {
      if (item.type !== 'text') {
        content.push(item);
        continue;
      }
      let text = item.text;
      const cut = firstStop(text, stops);
      if (cut !== undefined) {
        text = text.slice(0, cut);
        stopped = true;
      }
      if (text.length > budget) {
        text = truncate(text, budget);
        stopped = true;
      }
      budget -= text.length;
      content.push({ ...item, text });
      if (stopped) break;
    }
    out.push({ ...step, content } as Step);
    if (stopped) break;
  }
  return out;
}

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

function firstStop(text: string, stops: readonly string[]): number | undefined {
  let first: number | undefined;
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at >= 0 && (first === undefined || at < first)) first = at;
  }
  return first;
}

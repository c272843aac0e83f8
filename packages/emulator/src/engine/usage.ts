import type { Content, GenerationConfig, ModalityTokens, Step, Usage } from '@gemkit/core';

/**
 * The emulator's token estimate (documented in the README): text is about four characters per token;
 * each media item costs a fixed amount, like the API's flat 258 tokens per image.
 */
export const TOKEN_ESTIMATE = {
  charsPerToken: 4,
  image: 258,
  audio: 256,
  video: 1032,
  document: 258,
} as const;

/** Thinking tokens spent per turn before any summary text, by thinking level. */
export const THINKING_TOKENS = { minimal: 0, low: 64, medium: 256, high: 1024 } as const;

export function textTokens(text: string): number {
  return Math.ceil(text.length / TOKEN_ESTIMATE.charsPerToken);
}

type Counts = Map<string, number>;

function add(counts: Counts, modality: string, tokens: number): void {
  if (tokens > 0) counts.set(modality, (counts.get(modality) ?? 0) + tokens);
}

function addContent(counts: Counts, content: Content): void {
  if (content.type === 'text') add(counts, 'text', textTokens(content.text));
  else if (content.type in TOKEN_ESTIMATE) {
    add(counts, content.type, TOKEN_ESTIMATE[content.type as keyof typeof TOKEN_ESTIMATE]);
  }
}

/** What a step costs when it is part of the model's input. Thoughts are not replayed to the model. */
function addStep(counts: Counts, step: Step): void {
  const s = step as Step & { content?: unknown; result?: unknown };
  if (step.type === 'thought') return;
  if (Array.isArray(s.content)) for (const c of s.content as Content[]) addContent(counts, c);
  else if (step.type === 'function_result' && Array.isArray(s.result)) {
    for (const c of s.result as Content[]) addContent(counts, c);
  } else if (step.type !== 'user_input' && step.type !== 'model_output') {
    // Calls and results are serialised for the model: count their JSON.
    const { type: _type, ...payload } = step as Record<string, unknown>;
    add(counts, 'text', textTokens(JSON.stringify(payload)));
  }
}

function byModality(counts: Counts): ModalityTokens[] {
  return [...counts].map(([modality, tokens]) => ({ modality, tokens }));
}

const sum = (counts: Counts): number => [...counts.values()].reduce((a, b) => a + b, 0);

export interface UsageInput {
  systemInstruction: string | undefined;
  /** Every step the model read: earlier turns (inputs and outputs) and this turn's input. */
  history: readonly Step[];
  /** This turn's output steps, as generated so far. */
  output: readonly Step[];
  generationConfig: GenerationConfig;
}

/**
 * Usage the way the API reports it: input tokens cover the system instruction and the whole history
 * (for a stateful turn, every earlier turn's input and output), split by modality; thought tokens
 * (thinking level cost plus summary text) are reported apart from output tokens.
 */
export function computeUsage({ systemInstruction, history, output, generationConfig }: UsageInput): Usage {
  const input: Counts = new Map();
  if (systemInstruction) add(input, 'text', textTokens(systemInstruction));
  for (const step of history) addStep(input, step);

  const out: Counts = new Map();
  let thought = 0;
  for (const step of output) {
    if (step.type === 'thought') thought += thoughtTokens(step, generationConfig);
    else addStep(out, step);
  }
  const totalInput = sum(input);
  const totalOutput = sum(out);
  return {
    total_input_tokens: totalInput,
    input_tokens_by_modality: byModality(input),
    total_output_tokens: totalOutput,
    output_tokens_by_modality: byModality(out),
    total_thought_tokens: thought,
    total_tokens: totalInput + totalOutput + thought,
  };
}

function thoughtTokens(step: Step, config: GenerationConfig): number {
  const level = (config.thinking_level ?? 'high') as keyof typeof THINKING_TOKENS;
  const summary = (step as { summary?: Content[] }).summary ?? [];
  const summaryTokens = summary.reduce(
    (n, c) => n + (c.type === 'text' ? textTokens(c.text) : TOKEN_ESTIMATE.image),
    0,
  );
  return (THINKING_TOKENS[level] ?? THINKING_TOKENS.high) + summaryTokens;
}

import type { RequestSettings } from '@gemkit/react';

type GenerationConfig = NonNullable<RequestSettings['generation_config']>;

/** The generation parameters the settings dialog does not show, as the form edits them (strings). */
export interface GenerationForm {
  topP: string;
  maxOutputTokens: string;
  stopSequences: string;
  seed: string;
}

export function toGenerationForm(config: GenerationConfig | undefined): GenerationForm {
  return {
    topP: config?.top_p === undefined ? '' : String(config.top_p),
    maxOutputTokens: config?.max_output_tokens === undefined ? '' : String(config.max_output_tokens),
    stopSequences: (config?.stop_sequences ?? []).join('\n'),
    seed: config?.seed === undefined ? '' : String(config.seed),
  };
}

/**
 * The generation config a saved form stands for, or the first field that is not valid and why. Empty fields
 * drop their parameter (the model's default applies); every other field of the config is kept.
 */
export function fromGenerationForm(
  form: GenerationForm,
  previous: GenerationConfig | undefined,
): { config: GenerationConfig | undefined } | { field: keyof GenerationForm; error: string } {
  const config: GenerationConfig = { ...previous };
  delete config.top_p;
  delete config.max_output_tokens;
  delete config.stop_sequences;
  delete config.seed;

  if (form.topP.trim() !== '') {
    const topP = Number(form.topP);
    if (!(topP >= 0 && topP <= 1)) return { field: 'topP', error: 'Top P is a number from 0 to 1.' };
    config.top_p = topP;
  }
  if (form.maxOutputTokens.trim() !== '') {
    const max = Number(form.maxOutputTokens);
    if (!Number.isInteger(max) || max < 1) {
      return { field: 'maxOutputTokens', error: 'Max output tokens is a whole number, 1 or more.' };
    }
    config.max_output_tokens = max;
  }
  const stops = form.stopSequences
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (stops.length > 5) return { field: 'stopSequences', error: 'At most 5 stop sequences.' };
  if (stops.length > 0) config.stop_sequences = stops;
  if (form.seed.trim() !== '') {
    const seed = Number(form.seed);
    if (!Number.isInteger(seed)) return { field: 'seed', error: 'The seed is a whole number.' };
    config.seed = seed;
  }
  return { config: Object.keys(config).length > 0 ? config : undefined };
}

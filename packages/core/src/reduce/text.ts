import type { Interaction, Step } from '../wire/index.js';

/** The answer: the text of the last `model_output` step ('' while there is none). */
export function getText(interaction: Interaction | undefined): string {
  const steps = interaction?.steps ?? [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (step?.type === 'model_output') return textOf((step as { content?: unknown }).content);
  }
  return '';
}

/** The thinking shown to the user: every `thought` step's summary text, in order ('' when none). */
export function getThoughtSummary(interaction: Interaction | undefined): string {
  return (interaction?.steps ?? [])
    .filter((step: Step) => step?.type === 'thought')
    .map((step) => textOf((step as { summary?: unknown }).summary))
    .filter((text) => text !== '')
    .join('\n\n');
}

function textOf(items: unknown): string {
  if (!Array.isArray(items)) return '';
  let text = '';
  for (const item of items) {
    if (item?.type === 'text' && typeof item.text === 'string') text += item.text;
  }
  return text;
}

import { StreamError } from '../errors.js';
import { getText, getThoughtSummary } from '../reduce/text.js';
import type { Interaction } from '../wire/index.js';
import type { ModelMessage, TurnStatus } from './message.js';

/** Where an Interaction's own status puts the turn. `incomplete` (hit a token limit) still has an answer. */
export function turnStatusOf(interaction: Interaction | undefined): TurnStatus {
  switch (interaction?.status) {
    case 'failed':
      return 'error';
    case 'cancelled':
      return 'cancelled';
    case 'requires_action':
      return 'requires_action';
    case 'in_progress':
    case 'queued':
    case undefined:
      return 'streaming';
    default:
      return 'completed';
  }
}

/** A turn the server marked failed (without a transport error) still gets a typed error from its `errors`. */
export function failureOf(interaction: Interaction | undefined): StreamError {
  const last = interaction?.errors?.[interaction.errors.length - 1];
  return new StreamError(last?.code, last?.message || 'The interaction failed', { snapshot: interaction });
}

/**
 * The fields of a model message that come from its Interaction. A turn that went on after function calls is
 * reported by its run (continue-turn.ts) as one Interaction: the earlier requests' steps and usage included.
 */
export function fromInteraction(
  interaction: Interaction,
): Pick<ModelMessage, 'steps' | 'text' | 'thoughts' | 'usage' | 'interactionId' | 'model'> {
  return {
    steps: interaction.steps ?? [],
    text: getText(interaction),
    thoughts: getThoughtSummary(interaction),
    usage: interaction.usage,
    interactionId: interaction.id || undefined,
    model: interaction.model,
  };
}

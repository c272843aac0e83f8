import type { ModelMessage } from '@gemkit/react';
import { useSyncExternalStore } from 'react';
import { traffic } from '../gemkit-client';
import type { Exchange, RecordedEvent } from './traffic-recorder';

/**
 * The requests that made a turn: by interaction id once the server has named it (creates, resumes, cancels,
 * replays), else by the turn that was in flight when the request started (uploads, a create refused early).
 */
export function exchangesOfTurn(exchanges: readonly Exchange[], message: ModelMessage): Exchange[] {
  return exchanges.filter((exchange) =>
    exchange.interactionId !== undefined
      ? exchange.interactionId === message.interactionId
      : exchange.turnId === message.id,
  );
}

export function useTurnExchanges(message: ModelMessage | undefined): Exchange[] {
  const exchanges = useSyncExternalStore(traffic.subscribe, traffic.getSnapshot);
  return message ? exchangesOfTurn(exchanges, message) : [];
}

/** One line about an event: what a developer scans the list for. */
export function summarizeEvent(event: RecordedEvent): string {
  const payload = event.payload ?? {};
  const index = typeof payload.index === 'number' ? `#${payload.index} ` : '';
  const interaction = objectAt(payload, 'interaction');
  switch (event.type) {
    case 'interaction.created':
      return `${String(interaction?.id ?? '')} · ${String(interaction?.status ?? '')}`;
    case 'interaction.status_update':
      return String(payload.status ?? '');
    case 'step.start':
      return `${index}${String(objectAt(payload, 'step')?.type ?? '')}`;
    case 'step.delta': {
      const delta = objectAt(payload, 'delta');
      const text = typeof delta?.text === 'string' ? delta.text : objectAt(delta, 'content')?.text;
      if (typeof text === 'string') return `${index}${String(delta?.type)} ${JSON.stringify(text)}`;
      if (typeof delta?.signature === 'string')
        return `${index}${String(delta.type)} (${delta.signature.length} chars)`;
      return `${index}${String(delta?.type ?? '')}`;
    }
    case 'step.stop':
      return index.trim();
    case 'interaction.completed': {
      const usage = objectAt(interaction, 'usage');
      const tokens = typeof usage?.total_tokens === 'number' ? ` · ${usage.total_tokens} tokens` : '';
      return `${String(interaction?.status ?? '')}${tokens}`;
    }
    case 'error': {
      const error = objectAt(payload, 'error');
      return `${String(error?.code ?? '')} ${String(error?.message ?? '')}`.trim();
    }
    default:
      return '';
  }
}

function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const inner = (value as Record<string, unknown>)[key];
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : undefined;
}

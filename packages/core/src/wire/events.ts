import type { Content, ImageContent, OpenString } from './content.js';
import type { ApiErrorBody, InteractionEventPayload, InteractionStatus } from './interaction.js';
import type { Step } from './steps.js';
import type { Usage } from './usage.js';

/**
 * Server-sent events of a streamed interaction. Each arrives as one SSE message whose `data`
 * is the JSON event; `event_id` is the token to resume after it with `last_event_id`.
 */

export interface InteractionCreatedEvent {
  event_type: 'interaction.created';
  event_id?: string;
  interaction: InteractionEventPayload;
}

export interface InteractionStatusUpdateEvent {
  event_type: 'interaction.status_update';
  event_id?: string;
  interaction_id: string;
  status: InteractionStatus;
  usage?: Usage;
}

export interface StepStartEvent {
  event_type: 'step.start';
  event_id?: string;
  index: number;
  step: Step;
}

export interface TextDelta {
  type: 'text';
  text: string;
}

export interface ThoughtSummaryDelta {
  type: 'thought_summary';
  content?: Content;
}

export interface ThoughtSignatureDelta {
  type: 'thought_signature';
  signature?: string;
}

/** Function-call arguments stream as JSON text fragments; concatenated, they parse to the arguments. */
export interface ArgumentsDelta {
  type: 'arguments_delta';
  arguments?: string;
}

export interface TextAnnotationDelta {
  /** The SDK (3.1.0) names it `text_annotation_delta`; both spellings are accepted. */
  type: 'text_annotation' | 'text_annotation_delta';
  annotations?: unknown[];
}

export interface ImageDelta extends Omit<ImageContent, 'type'> {
  type: 'image';
}

/** A delta kind this version does not know; carried through untouched. */
export interface UnknownDelta {
  type: OpenString;
  [key: string]: unknown;
}

export type StepDeltaPayload =
  | TextDelta
  | ThoughtSummaryDelta
  | ThoughtSignatureDelta
  | ArgumentsDelta
  | TextAnnotationDelta
  | ImageDelta
  | UnknownDelta;

export interface StepDeltaEvent {
  event_type: 'step.delta';
  event_id?: string;
  index: number;
  delta: StepDeltaPayload;
  metadata?: { total_usage?: Usage };
}

export interface StepStopEvent {
  event_type: 'step.stop';
  event_id?: string;
  index: number;
  usage?: Usage;
  step_usage?: Usage;
}

export interface InteractionCompletedEvent {
  event_type: 'interaction.completed';
  event_id?: string;
  interaction: InteractionEventPayload;
}

export interface ErrorEvent {
  event_type: 'error';
  event_id?: string;
  error?: ApiErrorBody;
}

/** An event type this version does not know; passed through, never thrown on. */
export interface UnknownEvent {
  event_type: OpenString;
  event_id?: string;
  [key: string]: unknown;
}

export type KnownInteractionEvent =
  | InteractionCreatedEvent
  | InteractionStatusUpdateEvent
  | StepStartEvent
  | StepDeltaEvent
  | StepStopEvent
  | InteractionCompletedEvent
  | ErrorEvent;

export type InteractionEvent = KnownInteractionEvent | UnknownEvent;

export type KnownEventType = KnownInteractionEvent['event_type'];

/** Narrows an event to a known type; `event.event_type === 'x'` alone cannot, because the union is open. */
export function isEventOfType<T extends KnownEventType>(
  event: InteractionEvent | undefined,
  type: T,
): event is Extract<KnownInteractionEvent, { event_type: T }> {
  return event?.event_type === type;
}

import type { Content, Interaction, InteractionEvent, Step } from '@gemkit/core';

type MutableStep = Step & {
  content?: Content[];
  summary?: Content[];
  signature?: string;
  arguments?: unknown;
};

/**
 * Applies one emitted event to the stored Interaction. The store is built only by folding the events
 * it sends, so what a GET returns is, by construction, what a client reducing the stream ends up with.
 */
export class EventFolder {
  /** Function-call arguments arrive as JSON text fragments; they are parsed when their step stops. */
  private readonly pendingArguments = new Map<number, string>();

  constructor(private readonly interaction: Interaction) {}

  apply(event: InteractionEvent): void {
    this.interaction.steps ??= [];
    const steps = this.interaction.steps;
    const e = event as Record<string, unknown> & InteractionEvent;
    switch (event.event_type) {
      case 'interaction.status_update':
        this.interaction.status = e.status as string;
        return;
      case 'step.start':
        steps[e.index as number] = structuredClone(e.step as Step);
        return;
      case 'step.delta':
        this.applyDelta(steps[e.index as number] as MutableStep | undefined, e.index as number, e.delta);
        return;
      case 'step.stop':
        this.finishStep(steps[e.index as number] as MutableStep | undefined, e.index as number);
        return;
      case 'interaction.completed': {
        const payload = e.interaction as Interaction;
        this.interaction.status = payload.status;
        if (payload.updated !== undefined) this.interaction.updated = payload.updated;
        if (payload.usage !== undefined) this.interaction.usage = payload.usage;
        return;
      }
      default:
        return;
    }
  }

  private applyDelta(step: MutableStep | undefined, index: number, delta: unknown): void {
    if (!step || typeof delta !== 'object' || delta === null) return;
    const d = delta as Record<string, unknown> & { type: string };
    if (d.type === 'text') appendText(contentOf(step), String(d.text ?? ''));
    else if (d.type === 'thought_summary') {
      const content = d.content as Content | undefined;
      if (content?.type === 'text') appendText(summaryOf(step), content.text);
      else if (content) summaryOf(step).push(structuredClone(content));
    } else if (d.type === 'thought_signature') step.signature = String(d.signature ?? '');
    else if (d.type === 'arguments_delta') {
      this.pendingArguments.set(index, (this.pendingArguments.get(index) ?? '') + String(d.arguments ?? ''));
    } else {
      const { type, ...rest } = d;
      contentOf(step).push({ type, ...structuredClone(rest) } as Content);
    }
  }

  private finishStep(step: MutableStep | undefined, index: number): void {
    const json = this.pendingArguments.get(index);
    if (step === undefined || json === undefined) return;
    this.pendingArguments.delete(index);
    try {
      step.arguments = JSON.parse(json);
    } catch {
      step.arguments = {};
    }
  }
}

function contentOf(step: MutableStep): Content[] {
  step.content ??= [];
  return step.content;
}

function summaryOf(step: MutableStep): Content[] {
  step.summary ??= [];
  return step.summary;
}

function appendText(items: Content[], text: string): void {
  const last = items[items.length - 1];
  if (last?.type === 'text') last.text += text;
  else items.push({ type: 'text', text });
}

import type { Content, GenerationConfig, Step } from '@gemkit/core';
import type { ErrorEventFault, Pacing } from '../faults.js';
import { EmulatorApiError, toApiError } from '../http/errors.js';
import type { Responder, ResponderContext } from '../responder/types.js';
import type { InteractionRecord, NewEvent } from '../store/interactions.js';
import { sleep } from '../util/sleep.js';
import { chunkText } from './chunks.js';
import { InvalidReplyError, planOutput } from './output.js';
import { computeUsage } from './usage.js';

export interface RunOptions {
  record: InteractionRecord;
  responder: Responder;
  context: Omit<ResponderContext, 'signal'>;
  generationConfig: GenerationConfig;
  systemInstruction: string | undefined;
  pacing: Pacing;
  /** Fail the generation after this many events (an injected `error` fault). */
  errorFault: ErrorEventFault | undefined;
  now: () => Date;
  /** Summary used when a responder's text reply has none but summaries were asked for. */
  fallbackSummary: string;
}

/**
 * Drives one interaction: asks the responder, then emits the output as the API streams it
 * (created → status_update → step.start/delta/stop per step → completed), paced, into the record.
 * It runs to the end whether or not anyone is reading, so a dropped stream can be resumed; only
 * cancel (or delete) stops it. Resolves when the record is finished; never rejects.
 */
export async function runInteraction(options: RunOptions): Promise<void> {
  await new Run(options).execute();
}

class Run {
  private finished = false;
  private openStep: number | undefined;
  private emitted = 0;
  private readonly abort = new AbortController();

  constructor(private readonly o: RunOptions) {}

  async execute(): Promise<void> {
    const { record } = this.o;
    record.cancel = () => this.stop('cancelled');
    try {
      const { id, object, model, created } = record.interaction;
      this.emit({
        event_type: 'interaction.created',
        interaction: { id, status: 'in_progress', object, model, created },
      });
      this.emit({ event_type: 'interaction.status_update', interaction_id: id, status: 'in_progress' });
      if (this.finished) return;
      const reply = await this.o.responder({ ...this.o.context, signal: this.abort.signal });
      if (this.finished) return;
      const plan = planOutput(reply, this.o.generationConfig, {
        interactionId: id,
        fallbackSummary: this.o.fallbackSummary,
      });
      for (const [index, step] of plan.steps.entries()) {
        await this.play(index, step);
        if (this.finished) return;
      }
      this.complete(plan.status);
    } catch (error) {
      if (error instanceof InvalidReplyError)
        this.fail(new EmulatorApiError(500, `Emulator responder error: ${error.message}`));
      else this.fail(toApiError(error));
    }
  }

  /** Ends the run early (cancel, delete): the open step is closed and the interaction completes as cancelled. */
  stop(status: 'cancelled'): void {
    if (this.finished) return;
    this.abort.abort();
    if (this.openStep !== undefined) this.emit({ event_type: 'step.stop', index: this.openStep });
    this.complete(status);
  }

  private emit(event: NewEvent): void {
    if (this.finished) return;
    const fault = this.o.errorFault;
    if (fault && this.emitted >= fault.afterEvents) {
      this.fail(
        new EmulatorApiError(500, fault.message ?? 'Injected fault: generation failed.', {
          apiStatus: fault.code,
        }),
      );
      return;
    }
    this.o.record.emit(event);
    this.emitted++;
  }

  private async pace(): Promise<void> {
    // Yield even when unpaced, so cancels and readers interleave with a long generation.
    if (this.o.pacing.delayMs > 0) await sleep(this.o.pacing.delayMs, this.abort.signal);
    else await Promise.resolve();
  }

  private async play(index: number, step: Step): Promise<void> {
    const s = step as Step & Record<string, unknown>;
    switch (step.type) {
      case 'model_output':
        this.start(index, { type: 'model_output' });
        for (const item of (s.content as Content[] | undefined) ?? []) {
          if (item.type === 'text')
            await this.streamText(index, item.text, (text) => ({ type: 'text', text }));
          else await this.delta(index, { ...item });
        }
        break;
      case 'thought':
        this.start(index, { type: 'thought' });
        for (const item of (s.summary as Content[] | undefined) ?? []) {
          if (item.type === 'text') {
            await this.streamText(index, item.text, (text) => ({
              type: 'thought_summary',
              content: { type: 'text', text },
            }));
          } else await this.delta(index, { type: 'thought_summary', content: item });
        }
        if (typeof s.signature === 'string')
          await this.delta(index, { type: 'thought_signature', signature: s.signature });
        break;
      case 'function_call':
        this.start(index, { ...s, arguments: {} } as Step);
        await this.streamText(index, JSON.stringify(s.arguments ?? {}), (json) => ({
          type: 'arguments_delta',
          arguments: json,
        }));
        break;
      default:
        this.start(index, step);
    }
    if (this.finished) return;
    this.emit({ event_type: 'step.stop', index });
    this.openStep = undefined;
  }

  private start(index: number, step: Step): void {
    this.emit({ event_type: 'step.start', index, step });
    this.openStep = index;
  }

  private async delta(index: number, delta: Record<string, unknown>): Promise<void> {
    this.emit({ event_type: 'step.delta', index, delta });
    await this.pace();
  }

  /** Streams text in paced chunks; empty text still sends one delta so the step holds a text item. */
  private async streamText(
    index: number,
    text: string,
    toDelta: (chunk: string) => Record<string, unknown>,
  ): Promise<void> {
    const chunks = text === '' ? [''] : chunkText(text, this.o.pacing.chunkSize);
    for (const chunk of chunks) {
      if (this.finished) return;
      await this.delta(index, toDelta(chunk));
    }
  }

  private usage() {
    return computeUsage({
      systemInstruction: this.o.systemInstruction,
      history: this.o.record.conversation,
      output: this.o.record.interaction.steps ?? [],
      generationConfig: this.o.generationConfig,
    });
  }

  private complete(status: string): void {
    const { record } = this.o;
    const { id, object, model, created } = record.interaction;
    const updated = this.o.now().toISOString();
    this.emit({
      event_type: 'interaction.completed',
      interaction: { id, status, object, model, created, updated, usage: this.usage() },
    });
    this.end();
  }

  private fail(error: EmulatorApiError): void {
    if (this.finished) return;
    const { record } = this.o;
    // The error event is the stream's last; it is emitted directly (not through the fault counter).
    record.emit({ event_type: 'error', error: { code: error.apiStatus, message: error.message } });
    Object.assign(record.interaction, {
      status: 'failed',
      updated: this.o.now().toISOString(),
      usage: this.usage(),
      errors: [{ code: error.apiStatus, message: error.message }],
    });
    record.failure = error;
    this.end();
  }

  private end(): void {
    if (this.o.record.done) return;
    this.finished = true;
    this.o.record.cancel = undefined;
    this.o.record.finish();
  }
}

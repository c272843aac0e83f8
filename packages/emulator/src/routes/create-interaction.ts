import type { Interaction } from '@gemkit/core';
import type { EmulatorState, RequestScope } from '../context.js';
import { currentInput, previousSteps, resolveAttachments } from '../engine/conversation.js';
import { runInteraction } from '../engine/run.js';
import type { CutFault, ErrorEventFault, MalformedFault } from '../faults.js';
import { parseJsonObject } from '../http/body.js';
import { notFound } from '../http/errors.js';
import { jsonResponse } from '../http/json.js';
import { KNOWN_MODELS, normalizeModelName } from '../models.js';
import { stepText } from '../responder/text.js';
import { InteractionRecord } from '../store/interactions.js';
import { eventStreamResponse } from '../stream/event-stream.js';
import { hashString, seededRandom } from '../util/random.js';
import { checkFunctionResults } from '../validate/function-results.js';
import { validateCreateRequest } from '../validate/request.js';

const KNOWN = new Set(KNOWN_MODELS);

/** POST /v1beta/interactions — plain JSON, streamed (`stream: true` or `?alt=sse`), or in the background. */
export async function createInteraction(state: EmulatorState, scope: RequestScope): Promise<Response> {
  const valid = validateCreateRequest(parseJsonObject(scope.body));
  const model = normalizeModelName(valid.model);
  if (!KNOWN.has(model) && !state.options.models.has(model) && !state.options.models.has(valid.model)) {
    throw notFound(
      `models/${model} is not found for API version v1beta, or is not supported for interactions.`,
    );
  }
  const body = valid.body;
  const earlier = previousSteps(state.interactions, body.previous_interaction_id);
  const conversation = [...earlier, ...valid.inputSteps];
  checkFunctionResults(conversation, earlier.length);
  const input = currentInput(conversation);
  const attachments = resolveAttachments(conversation, {
    strictFrom: earlier.length,
    currentFrom: conversation.length - input.length,
    files: state.files,
  });

  const { now, generateId } = state.options;
  const id = generateId('interaction');
  const created = now().toISOString();
  const interaction: Interaction = {
    id,
    object: 'interaction',
    status: 'in_progress',
    model: valid.model,
    created,
    updated: created,
    steps: [],
    ...pick(body, [
      'system_instruction',
      'generation_config',
      'previous_interaction_id',
      'tools',
      'response_modalities',
      'labels',
      'service_tier',
    ]),
  };
  const record = new InteractionRecord({
    interaction,
    input: valid.input,
    conversation,
    stored: valid.store,
  });
  state.interactions.add(record);
  state.stats.interactionsCreated++;

  const streamed = valid.stream || scope.url.searchParams.get('alt') === 'sse';
  // Only a response someone watches is paced; a plain create is answered as soon as it is generated.
  const pacing = streamed || valid.background ? scope.pacing : { ...scope.pacing, delayMs: 0 };
  const seed = hashString(String(valid.generationConfig.seed ?? 'unseeded'));
  const fingerprint = [
    valid.model,
    body.system_instruction ?? '',
    ...conversation.map((s) => `${s.type}:${stepText(s)}`),
  ].join('\n');
  const done = runInteraction({
    record,
    responder: state.options.responder,
    context: {
      request: structuredClone(body),
      model: valid.model,
      interactionId: id,
      history: structuredClone(conversation),
      input: structuredClone(input),
      systemInstruction: body.system_instruction,
      generationConfig: structuredClone(valid.generationConfig),
      attachments,
      random: seededRandom(hashString(fingerprint, seed)),
    },
    generationConfig: valid.generationConfig,
    systemInstruction: body.system_instruction,
    pacing,
    errorFault: scope.takeFault('generation') as ErrorEventFault | undefined,
    now,
    fallbackSummary: 'Thinking about the request.',
  });

  if (streamed) {
    return eventStreamResponse(record, {
      from: 0,
      fault: scope.takeFault('stream') as CutFault | MalformedFault | undefined,
      signal: scope.request.signal,
      stats: state.stats,
    });
  }
  if (valid.background) return jsonResponse(record.snapshot());
  await done;
  if (record.failure) throw record.failure;
  return jsonResponse(record.snapshot());
}

function pick<T extends object, K extends keyof T>(object: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (object[key] !== undefined) out[key] = structuredClone(object[key]);
  return out;
}

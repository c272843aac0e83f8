import type {
  Content,
  CreateInteractionRequest,
  GenerationConfig,
  InteractionInput,
  Step,
} from '@gemkit/core';
import { badRequest } from '../http/errors.js';
import { isContentType, validateContent } from './content.js';
import { validateGenerationConfig } from './generation-config.js';
import {
  expectArray,
  expectBoolean,
  expectKnownKeys,
  expectObject,
  expectString,
  field,
  invalid,
  type JsonObject,
} from './guards.js';
import { isStepType, validateStep } from './steps.js';

/** Every top-level field of a model interaction create, as the SDK's `CreateModelInteraction` lists them. */
const KEYS = new Set([
  'model',
  'input',
  'system_instruction',
  'generation_config',
  'previous_interaction_id',
  'store',
  'stream',
  'background',
  'tools',
  'response_modalities',
  'response_format',
  'response_mime_type',
  'safety_settings',
  'service_tier',
  'labels',
  'cached_content',
  'continuation_token',
  'environment',
  'webhook_config',
  'agent',
  'agent_config',
]);

/** A create request after validation: the body as sent, plus its input normalised to steps. */
export interface ValidCreateRequest {
  body: CreateInteractionRequest & JsonObject;
  model: string;
  input: InteractionInput;
  /** The input as steps: a string or content becomes one `user_input` step; steps stay as sent. */
  inputSteps: Step[];
  /** True when `input` was a list of steps (a stateless history), not content. */
  inputIsSteps: boolean;
  generationConfig: GenerationConfig;
  store: boolean;
  stream: boolean;
  background: boolean;
}

export function validateCreateRequest(body: JsonObject): ValidCreateRequest {
  expectKnownKeys(body, KEYS, '');
  if (body.agent !== undefined || body.agent_config !== undefined) {
    throw badRequest(
      'The emulator implements model interactions only; agent interactions are not supported.',
    );
  }
  if (body.model === undefined) throw badRequest("Missing required field 'model'.");
  const model = expectString(body.model, 'model', { nonEmpty: true });
  if (body.input === undefined || body.input === null) throw badRequest("Missing required field 'input'.");
  const { steps, isSteps } = normalizeInput(body.input);
  const optionalStrings = [
    'system_instruction',
    'previous_interaction_id',
    'service_tier',
    'response_mime_type',
    'cached_content',
    'continuation_token',
  ];
  for (const key of optionalStrings) {
    if (body[key] !== undefined) expectString(body[key], key);
  }
  if (body.previous_interaction_id !== undefined)
    expectString(body.previous_interaction_id, 'previous_interaction_id', { nonEmpty: true });
  for (const key of ['store', 'stream', 'background']) {
    if (body[key] !== undefined) expectBoolean(body[key], key);
  }
  const generationConfig =
    body.generation_config === undefined ? {} : validateGenerationConfig(body.generation_config);
  validateTools(body.tools);
  if (body.response_modalities !== undefined) {
    for (const [i, m] of expectArray(body.response_modalities, 'response_modalities').entries()) {
      expectString(m, field('response_modalities', i));
    }
  }
  if (body.labels !== undefined) {
    for (const [key, value] of Object.entries(expectObject(body.labels, 'labels'))) {
      expectString(value, field('labels', key));
    }
  }
  if (body.safety_settings !== undefined) expectArray(body.safety_settings, 'safety_settings');
  const store = body.store !== false;
  const background = body.background === true;
  if (background && !store)
    throw badRequest('background=true requires store=true: a background interaction is read back later.');
  return {
    body: body as CreateInteractionRequest & JsonObject,
    model,
    input: body.input as InteractionInput,
    inputSteps: steps,
    inputIsSteps: isSteps,
    generationConfig,
    store,
    stream: body.stream === true,
    background,
  };
}

function validateTools(value: unknown): void {
  if (value === undefined) return;
  expectArray(value, 'tools').forEach((item, i) => {
    const tool = expectObject(item, field('tools', i));
    expectString(tool.type, field(field('tools', i), 'type'), { nonEmpty: true });
    if (tool.type === 'function')
      expectString(tool.name, field(field('tools', i), 'name'), { nonEmpty: true });
  });
}

/** `input` is a string, one content block, a list of content blocks, or a list of steps — never a mix. */
function normalizeInput(input: unknown): { steps: Step[]; isSteps: boolean } {
  if (typeof input === 'string') {
    if (input.trim() === '') throw badRequest("Invalid value at 'input': the input text is empty.");
    return { steps: [userInput([{ type: 'text', text: input }])], isSteps: false };
  }
  if (Array.isArray(input)) {
    if (input.length === 0) throw badRequest("Invalid value at 'input': the input list is empty.");
    const first = input[0] as { type?: unknown } | null;
    const isSteps = typeof first === 'object' && first !== null && isStepType(first.type);
    if (isSteps) {
      const steps = input.map((item, i) => {
        const type = (item as { type?: unknown } | null)?.type;
        if (isContentType(type))
          throw badRequest(`Invalid value at 'input[${i}]': input mixes steps and content blocks.`);
        return validateStep(item, field('input', i));
      });
      return { steps, isSteps: true };
    }
    const contents = input.map((item, i) => {
      const type = (item as { type?: unknown } | null)?.type;
      if (isStepType(type))
        throw badRequest(`Invalid value at 'input[${i}]': input mixes content blocks and steps.`);
      return validateContent(item, field('input', i));
    });
    return { steps: [userInput(contents)], isSteps: false };
  }
  if (typeof input === 'object' && input !== null) {
    return { steps: [userInput([validateContent(input, 'input')])], isSteps: false };
  }
  return invalid('input', 'a string, a content block, or a list of content blocks or steps', input);
}

function userInput(content: Content[]): Step {
  return { type: 'user_input', content };
}

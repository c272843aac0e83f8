import type { Step } from '@gemkit/core';
import { badRequest } from '../http/errors.js';
import { validateContent, validateContentList } from './content.js';
import {
  expectArray,
  expectBoolean,
  expectKnownKeys,
  expectObject,
  expectString,
  field,
  invalid,
  isObject,
  type JsonObject,
} from './guards.js';

type StepValidator = (step: JsonObject, path: string) => void;

function contentStep(keys: string[]): StepValidator {
  const allowed = new Set(['type', 'content', ...keys]);
  return (step, path) => {
    expectKnownKeys(step, allowed, path);
    if (step.content !== undefined) validateContentList(step.content, field(path, 'content'));
    if (step.error !== undefined) expectObject(step.error, field(path, 'error'));
  };
}

const validateThought: StepValidator = (step, path) => {
  expectKnownKeys(step, new Set(['type', 'summary', 'signature']), path);
  if (step.signature !== undefined) expectString(step.signature, field(path, 'signature'));
  if (step.summary === undefined) return;
  expectArray(step.summary, field(path, 'summary')).forEach((item, i) => {
    const content = validateContent(item, field(field(path, 'summary'), i));
    if (content.type !== 'text' && content.type !== 'image') {
      invalid(field(field(field(path, 'summary'), i), 'type'), '"text" or "image"', content.type);
    }
  });
};

const validateFunctionCall: StepValidator = (step, path) => {
  expectKnownKeys(step, new Set(['type', 'id', 'name', 'arguments', 'signature']), path);
  expectString(step.id, field(path, 'id'), { nonEmpty: true });
  expectString(step.name, field(path, 'name'), { nonEmpty: true });
  expectObject(step.arguments, field(path, 'arguments'));
};

const validateFunctionResult: StepValidator = (step, path) => {
  expectKnownKeys(step, new Set(['type', 'call_id', 'name', 'is_error', 'result', 'signature']), path);
  expectString(step.call_id, field(path, 'call_id'), { nonEmpty: true });
  if (step.name !== undefined) expectString(step.name, field(path, 'name'));
  if (step.is_error !== undefined) expectBoolean(step.is_error, field(path, 'is_error'));
  const result = step.result;
  if (Array.isArray(result)) validateContentList(result, field(path, 'result'));
  else if (typeof result !== 'string' && !isObject(result)) {
    invalid(field(path, 'result'), 'a string, an object or a list of content', result);
  }
};

/** Built-in tool calls and results vary per tool; only their linking ids are checked. */
const validateToolCall: StepValidator = (step, path) => {
  expectString(step.id, field(path, 'id'), { nonEmpty: true });
};
const validateToolResult: StepValidator = (step, path) => {
  expectString(step.call_id, field(path, 'call_id'), { nonEmpty: true });
};

const BUILT_IN_TOOLS = [
  'google_search',
  'code_execution',
  'url_context',
  'file_search',
  'google_maps',
  'mcp_server_tool',
  'retrieval',
  'processing',
];

const VALIDATORS: ReadonlyMap<string, StepValidator> = new Map<string, StepValidator>([
  ['user_input', contentStep([])],
  ['model_output', contentStep(['error'])],
  ['thought', validateThought],
  ['function_call', validateFunctionCall],
  ['function_result', validateFunctionResult],
  ...BUILT_IN_TOOLS.flatMap((tool): [string, StepValidator][] => [
    [`${tool}_call`, validateToolCall],
    [`${tool}_result`, validateToolResult],
  ]),
]);

export function isStepType(type: unknown): boolean {
  return typeof type === 'string' && VALIDATORS.has(type);
}

export function validateStep(value: unknown, path: string): Step {
  const step = expectObject(value, path);
  const validator = typeof step.type === 'string' ? VALIDATORS.get(step.type) : undefined;
  if (!validator) {
    throw badRequest(
      `Invalid value at '${field(path, 'type')}': unknown step type ${JSON.stringify(step.type)}; ` +
        `expected one of ${[...VALIDATORS.keys()].join(', ')}.`,
    );
  }
  validator(step, path);
  return step as Step;
}

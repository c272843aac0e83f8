import type { Content, FunctionCallStep, FunctionResultStep, FunctionTool, Step } from '@gemkit/core';
import { synthesizeArguments } from './arguments.js';
import type { Directives } from './directives.js';
import { quoteLine } from './text.js';
import type { ResponderContext, StepsReply, TextReply } from './types.js';

/**
 * The default responder's function calling. With a `call=NAME` directive and NAME declared in `tools`,
 * the model calls it (arguments made up from its schema); when function results come back it answers
 * in text that quotes each of them, so a test sees that they reached the model. A function the request
 * does not declare is never called. Undefined when the turn is not about functions.
 */
export function functionCallReply(
  context: ResponderContext,
  directives: Directives,
  thoughtSummary: string,
): StepsReply | TextReply | undefined {
  const results = context.input.filter(isFunctionResult);
  const wanted = directives.call ?? [];
  if (results.length > 0 && resultBatchesSinceUser(context.history) >= (directives.rounds ?? 1)) {
    return { text: quoteResults(results, context.history), thoughtSummary };
  }
  if (wanted.length === 0 || toolChoiceIsNone(context)) {
    return results.length > 0 ? { text: quoteResults(results, context.history), thoughtSummary } : undefined;
  }
  const declared = declaredFunctions(context);
  const callable = wanted.filter((name) => declared.has(name));
  if (callable.length === 0) {
    const names = wanted.map((name) => `\`${name}\``).join(', ');
    const known = [...declared.keys()].map((name) => `\`${name}\``).join(', ') || 'none';
    return {
      text: `I cannot call ${names}: the request does not declare ${wanted.length === 1 ? 'it' : 'them'} in \`tools\` (declared functions: ${known}).`,
      thoughtSummary,
    };
  }
  const calls: Step[] = callable.map(
    (name): FunctionCallStep => ({
      type: 'function_call',
      id: callId(context.random),
      name,
      arguments: synthesizeArguments(declared.get(name)?.parameters, context.random),
    }),
  );
  const preamble: Step[] = directives.preamble
    ? [{ type: 'model_output', content: [{ type: 'text', text: `I will call ${list(callable)} for that.` }] }]
    : [];
  return { steps: [...preamble, ...calls], status: 'requires_action', thoughtSummary };
}

function isFunctionResult(step: Step): step is FunctionResultStep {
  return step.type === 'function_result';
}

/** Function tools by name; later declarations of a name win, as a map would have them. */
function declaredFunctions(context: ResponderContext): Map<string, FunctionTool> {
  const functions = new Map<string, FunctionTool>();
  for (const tool of context.request.tools ?? []) {
    if (tool.type === 'function' && typeof tool.name === 'string')
      functions.set(tool.name, tool as FunctionTool);
  }
  return functions;
}

/** `tool_choice: 'none'` (or `{allowed_tools: {mode: 'none'}}`) forbids calls, as with the API. */
function toolChoiceIsNone({ generationConfig }: ResponderContext): boolean {
  const choice = generationConfig.tool_choice as { allowed_tools?: { mode?: unknown } } | string | undefined;
  return choice === 'none' || (typeof choice === 'object' && choice?.allowed_tools?.mode === 'none');
}

/** How many times results have come back since the user last wrote: the rounds of calls so far. */
function resultBatchesSinceUser(history: readonly Step[]): number {
  let batches = 0;
  for (let i = history.length - 1; i >= 0 && history[i]?.type !== 'user_input'; i--) {
    if (history[i]?.type === 'function_result' && history[i + 1]?.type !== 'function_result') batches++;
  }
  return batches;
}

function quoteResults(results: FunctionResultStep[], history: readonly Step[]): string {
  const lines = results.map((result) => {
    const name = result.name ?? callName(history, result.call_id) ?? 'the function';
    const quoted = code(quoteLine(resultText(result.result), 1000));
    return result.is_error
      ? `- \`${name}\` (call \`${result.call_id}\`) failed: ${quoted}`
      : `- \`${name}\` (call \`${result.call_id}\`) returned ${quoted}`;
  });
  const ok = results.filter((result) => !result.is_error).length;
  const closing =
    ok === results.length
      ? 'Based on that, here is my answer.'
      : ok === 0
        ? 'Without a result I can only tell you what went wrong.'
        : 'I answer with the results that came back.';
  return [`The function results came back:`, lines.join('\n'), closing].join('\n\n');
}

function callName(history: readonly Step[], id: string): string | undefined {
  const call = history.find((step) => step.type === 'function_call' && (step as FunctionCallStep).id === id);
  return (call as FunctionCallStep | undefined)?.name;
}

/** A result as the text quoted: a string as it is, an object as its JSON, content by its text. */
function resultText(result: FunctionResultStep['result']): string {
  if (typeof result === 'string') return result;
  if (Array.isArray(result)) {
    return (result as Content[])
      .map((item) => (item.type === 'text' ? item.text : `[${item.type}]`))
      .join(' ');
  }
  return JSON.stringify(result);
}

/** Inline code, with a longer fence when the text holds backticks. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence === '``' ? ' ' : ''}${text}${fence === '``' ? ' ' : ''}${fence}`;
}

function list(names: string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** Unique within a conversation, and the same for the same conversation and seed. */
function callId(random: () => number): string {
  const part = () =>
    Math.floor(random() * 0x1_0000_0000)
      .toString(36)
      .padStart(7, '0');
  return `call_${part()}${part()}`;
}

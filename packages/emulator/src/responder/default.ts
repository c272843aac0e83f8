import type { Step } from '@gemkit/core';
import { pick } from '../util/random.js';
import { type Directives, parseDirectives } from './directives.js';
import { fillerParagraph, fillerParagraphs } from './filler.js';
import { functionCallReply } from './function-calls.js';
import { countWords, formatBytes, quoteLine, stepText } from './text.js';
import type { ResolvedAttachment, ResponderContext, StepsReply, TextReply } from './types.js';

const HEADINGS = ['Here is what I found', 'About your message', 'A considered answer', 'Let us look at this'];
const OPENERS = ['You asked', 'Your message was', 'You wrote', 'Here is what you sent'];
/** Words of seeded prose in an answer without a `words` directive. */
const DEFAULT_DISCUSSION_WORDS = 40;

/**
 * The emulator's default answer: deterministic markdown that shows what the request carried — the
 * latest message, the earlier user turns (quoted), the system instruction, the attachments (type and
 * mime type) and the generation settings — with headings, lists, a table and a code block.
 * Prompt directives (`[emulator: words=N]`, `[emulator: echo]`) steer its length and form;
 * `[emulator: call=NAME]` makes it call a declared function, and then quote the result it gets back.
 */
export function defaultResponder(context: ResponderContext): TextReply | StepsReply {
  const userTurns = context.history.filter((step) => step.type === 'user_input');
  const latest = userTurns[userTurns.length - 1];
  const { directives, text: question } = parseDirectives(latest ? stepText(latest) : '');
  const earlier = userTurns
    .slice(0, -1)
    .map((step) => parseDirectives(stepText(step)).text)
    .filter(Boolean);
  const thoughtSummary = summarize(context, question, earlier.length);
  const functions = functionCallReply(context, directives, thoughtSummary);
  if (functions) return functions;
  if (directives.echo) return { text: question, thoughtSummary };
  return { text: answer(context, question, earlier, directives), thoughtSummary };
}

function answer(
  context: ResponderContext,
  question: string,
  earlier: string[],
  directives: Directives,
): string {
  const { random } = context;
  const head = [
    `## ${pick(random, HEADINGS)}`,
    `${pick(random, OPENERS)}: “${quoteLine(question || '(no text)')}”`,
  ];
  if (earlier.length > 0) {
    head.push(
      '### What you told me before',
      earlier.map((text, i) => `- Message ${i + 1}: “${quoteLine(text)}”`).join('\n'),
    );
  }
  if (context.systemInstruction) {
    head.push('### Instructions I am following', `> ${quoteLine(context.systemInstruction, 400)}`);
  }
  if (context.attachments.length > 0) head.push('### Attachments', attachmentTable(context.attachments));
  head.push('### Key points', keyPoints(context, question, earlier.length));
  const tail = ['### Request summary', settingsTable(context), codeBlock(context, earlier.length)];

  const fixedWords = countWords([...head, ...tail].join('\n\n'));
  const target = directives.words;
  if (target !== undefined && target < fixedWords + 10) return shortAnswer(random, question, target);
  const discussionWords = target === undefined ? DEFAULT_DISCUSSION_WORDS : target - fixedWords;
  const discussion = ['### Discussion', ...fillerParagraphs(random, discussionWords)];
  return [...head, ...discussion, ...tail].join('\n\n');
}

/** When fewer words are asked for than the full layout needs: one plain paragraph of about that length. */
function shortAnswer(random: () => number, question: string, words: number): string {
  const quoted = `You said “${quoteLine(question, 80)}”.`;
  const prose = `${quoted} ${fillerParagraph(random, words)}`;
  return prose.split(/\s+/).slice(0, words).join(' ');
}

function keyPoints(context: ResponderContext, question: string, earlierCount: number): string {
  const points = [
    `Your latest message has ${countWords(question)} words.`,
    earlierCount === 0
      ? 'This is the first message of our conversation.'
      : `This is message ${earlierCount + 1}; I have taken ${earlierCount === 1 ? 'the earlier one' : `the ${earlierCount} earlier ones`} into account.`,
    context.attachments.length === 0
      ? 'No files or media came with the conversation.'
      : `I received ${context.attachments.length} attachment(s): ${context.attachments.map(describeAttachment).join(', ')}.`,
  ];
  return points.map((point, i) => `${i + 1}. ${point}`).join('\n');
}

function describeAttachment(attachment: ResolvedAttachment): string {
  return `${attachment.type} (${attachment.mimeType ?? 'unknown type'})`;
}

function attachmentTable(attachments: ResolvedAttachment[]): string {
  const rows = attachments.map((a, i) => {
    const origin =
      a.source === 'file' ? (a.file?.name ?? a.uri) : a.source === 'inline' ? 'inline data' : a.uri;
    const size = a.sizeBytes === undefined ? 'unknown' : formatBytes(a.sizeBytes);
    return `| ${i + 1} | ${a.type} | ${a.mimeType ?? 'unknown'} | ${origin ?? ''} | ${size} |`;
  });
  return ['| # | Type | MIME type | Source | Size |', '|---|---|---|---|---|', ...rows].join('\n');
}

function settingsTable(context: ResponderContext): string {
  const rows: [string, string][] = [['model', `\`${context.model}\``]];
  for (const [key, value] of Object.entries(context.generationConfig)) {
    if (value !== undefined) rows.push([key, `\`${JSON.stringify(value)}\``]);
  }
  return ['| Setting | Value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function codeBlock(context: ResponderContext, earlierCount: number): string {
  const summary = {
    model: context.model,
    turn: earlierCount + 1,
    history_steps: context.history.length,
    attachments: context.attachments.map((a) => a.mimeType ?? a.type),
    system_instruction: context.systemInstruction !== undefined,
  };
  return ['```json', JSON.stringify(summary, null, 2), '```'].join('\n');
}

function summarize(context: ResponderContext, question: string, earlierCount: number): string {
  const facts = [`The user wrote ${countWords(question)} words: “${quoteLine(question, 80)}”.`];
  if (earlierCount > 0) facts.push(`There are ${earlierCount} earlier user message(s) to take into account.`);
  if (context.systemInstruction) facts.push('A system instruction applies, so I will follow it.');
  if (context.attachments.length > 0) {
    facts.push(`I should look at the ${context.attachments.map(describeAttachment).join(', ')}.`);
  }
  facts.push('I will answer in markdown with a short table and a code block.');
  return `**Reading the request**\n\n${facts.join(' ')}`;
}

/** The text of the last user turn, for responders that only need the question. */
export function latestUserText(history: Step[]): string {
  const users = history.filter((step) => step.type === 'user_input');
  const last = users[users.length - 1];
  return last ? parseDirectives(stepText(last)).text : '';
}

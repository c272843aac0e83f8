/**
 * The conversation both contenders show: deterministic (the same text on every run and for both), of the
 * kinds of answers a chat holds — short replies, code, lists, tables, and now and then a long report.
 * The last answer always ends in a code block, so "the last message is rendered as markdown" can be told
 * from the DOM (a `<pre>` in it) whatever markdown renderer drew it.
 */
import type { SerializedConversation } from '@gemkit/core';

type SerializedMessage = SerializedConversation['messages'][number];

/** One message as plain data: what each contender is given, in its own format. */
export interface SeedMessage {
  id: string;
  role: 'user' | 'model';
  text: string;
}

export const MODEL = 'gemini-3-flash-preview';

const QUESTIONS = [
  'How do tides work?',
  'Write a TypeScript function that debounces another one.',
  'Compare quicksort, merge sort and insertion sort.',
  'What should I check before deploying a Node service?',
  'Explain the difference between a process and a thread.\nKeep it short, please.',
  'Give me a Python script that counts words in a file.',
  'Summarize the plot of Hamlet.',
  'Can you write me a detailed report on caching strategies, with examples?',
];

const PROSE =
  'A cache answers from memory what would otherwise cost a round trip, so **what to keep** and ' +
  '**when to forget it** matter more than where it lives. Use `Cache-Control` on responses, keep keys ' +
  'small, and measure the [hit rate](https://example.com/caching) before tuning anything. ';

function codeBlock(turn: number): string {
  return [
    '```ts',
    `export function debounce${turn}<T extends unknown[]>(fn: (...args: T) => void, ms: number) {`,
    '  let timer: ReturnType<typeof setTimeout> | undefined;',
    '  return (...args: T) => {',
    '    clearTimeout(timer);',
    '    timer = setTimeout(() => fn(...args), ms);',
    '  };',
    '}',
    '```',
  ].join('\n');
}

const pythonBlock = (turn: number) =>
  `\`\`\`python\nimport sys\nfrom collections import Counter\n\ndef count_words(path: str) -> Counter:\n    with open(path) as f:\n        return Counter(f.read().split())\n\nif __name__ == "__main__":\n    for word, n in count_words(sys.argv[1]).most_common(${(turn % 20) + 5}):\n        print(f"{n:6} {word}")\n\`\`\``;

const table = (turn: number) =>
  `| algorithm | average | worst | stable |\n|:--|:--|:--|:--:|\n| quicksort | n log n | n² | no |\n| merge sort | n log n | n log n | yes |\n| insertion (turn ${turn}) | n² | n² | yes |`;

/** A report of about `size` characters: headings, paragraphs, nested lists, a table and code per section. */
function report(turn: number, size: number): string {
  let out = `# Caching strategies (turn ${turn})\n\n${PROSE}\n\n`;
  for (let section = 1; out.length < size; section++) {
    out += `## ${section}. Layer ${section}\n\n${PROSE.repeat(2)}\n\n`;
    out += `1. Measure first\n2. Cache the *expensive* part\n   - by key\n   - by time, for ${section * 30} s\n3. Invalidate on write\n\n`;
    out += `${table(turn)}\n\n${codeBlock(turn + section)}\n\n> Caches do not fix slow code; they hide it for a while.\n\n`;
  }
  return out.trimEnd();
}

/** The answer of a turn: mostly short, every eighth a long report (4 to 10 KB). */
function answer(turn: number): string {
  switch (turn % 8) {
    case 0:
      return `Tides come from the **Moon's gravity** pulling the oceans; the Sun adds spring and neap tides (turn ${turn}).`;
    case 1:
      return `Here is a debounce (turn ${turn}):\n\n${codeBlock(turn)}\n\nEach call restarts the timer, so \`fn\` runs once the calls stop for \`ms\` milliseconds.`;
    case 2:
      return `In short (turn ${turn}):\n\n${table(turn)}\n\nFor nearly sorted input, *insertion sort* is hard to beat.`;
    case 3:
      return `Before deploying (turn ${turn}):\n\n- Health check endpoint\n- Graceful shutdown on \`SIGTERM\`\n  - drain connections\n  - close the database pool\n- Structured logs\n- Limits: memory, body size, timeouts\n\n${PROSE}`;
    case 4:
      return `A **process** has its own memory; **threads** share their process's memory (turn ${turn}).\n\n1. Processes are isolated: a crash stays inside.\n2. Threads are cheaper to start and to switch.\n3. Shared memory needs locks.`;
    case 5:
      return `A word counter (turn ${turn}):\n\n${pythonBlock(turn)}\n\nRun it as \`python count.py notes.txt\`.`;
    case 6:
      return `*Hamlet*, prince of Denmark, learns from his father's ghost that his uncle murdered him, feigns madness, and takes a revenge that kills nearly everyone (turn ${turn}). ${PROSE}`;
    default:
      return report(turn, 4_000 + (turn % 7) * 1_000);
  }
}

/** `count` messages (an even number: question, answer, …); the last answer ends in a code block. */
export function seedMessages(count: number): SeedMessage[] {
  if (!Number.isInteger(count) || count < 2 || count % 2 !== 0) {
    throw new RangeError(`a conversation of question-answer pairs needs an even count ≥ 2, got ${count}`);
  }
  const messages: SeedMessage[] = [];
  const turns = count / 2;
  for (let turn = 0; turn < turns; turn++) {
    const question = `${QUESTIONS[turn % QUESTIONS.length]} (#${turn + 1})`;
    const last = turn === turns - 1;
    const text = last ? `${answer(turn)}\n\nAnd once more, in code:\n\n${codeBlock(turn)}` : answer(turn);
    messages.push({ id: `u${turn}`, role: 'user', text: question }, { id: `m${turn}`, role: 'model', text });
  }
  return messages;
}

/** The messages as a saved Gemkit conversation (stateless: finished answers, nothing stored upstream). */
export function toSerializedConversation(messages: readonly SeedMessage[]): SerializedConversation {
  let parentId: string | null = null;
  const serialized = messages.map((message, index): SerializedMessage => {
    const createdAt = index;
    const base = { id: message.id, parentId, createdAt, text: message.text };
    parentId = message.id;
    if (message.role === 'user') {
      const content = [{ type: 'text' as const, text: message.text }];
      return {
        ...base,
        role: 'user',
        content,
        attachments: [],
        steps: [{ type: 'user_input', content }],
        status: 'sent',
      };
    }
    return {
      ...base,
      parentId: base.parentId ?? '',
      role: 'model',
      steps: [{ type: 'model_output', content: [{ type: 'text', text: message.text }] }],
      thoughts: '',
      status: 'completed',
      usage: {
        total_input_tokens: 12 * index,
        total_output_tokens: message.text.length >> 2,
        total_tokens: 0,
      },
      interactionId: undefined,
      model: MODEL,
      stored: false,
      lastEventId: undefined,
    };
  });
  return { version: 1, id: `long-conversation-${messages.length}`, messages: serialized, selected: {} };
}

/** Saved conversations for the stories and tests that need history without sending it turn by turn. */
import type { SerializedConversation } from '@gemkit/react';
import { mixedMarkdown } from '../markdown/test/long-answers';
import { MODEL } from './emulator-client';

type SerializedMessage = SerializedConversation['messages'][number];

const QUESTIONS = [
  'How do tides work?',
  'Give me a TypeScript function that debounces another one.',
  'Compare three sorting algorithms in a table.',
  'What is the capital of Australia?',
  'Summarize the plot of Hamlet in two sentences.',
];

function answer(turn: number): string {
  switch (turn % 4) {
    case 0:
      return `Turn ${turn}: tides come from the **Moon's gravity** pulling the oceans, with the Sun adding spring and neap tides.`;
    case 1:
      return `Turn ${turn}, a debounce:\n\n\`\`\`ts\nexport function debounce<T extends unknown[]>(fn: (...args: T) => void, ms: number) {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  return (...args: T) => {\n    clearTimeout(timer);\n    timer = setTimeout(() => fn(...args), ms);\n  };\n}\n\`\`\`\n`;
    case 2:
      return `Turn ${turn}:\n\n| algorithm | average | stable |\n|:--|:--|:--:|\n| quicksort | n log n | no |\n| merge sort | n log n | yes |\n| insertion | n² | yes |\n`;
    default:
      return `Turn ${turn}: ${mixedMarkdown(300)}`;
  }
}

/**
 * `turns` question-and-answer pairs (2 × turns messages), every answer finished, in a stateless
 * conversation (nothing of it is stored in the emulator, so a next turn sends this history as steps).
 */
export function savedConversation(turns: number, id = `saved-${turns}`): SerializedConversation {
  const messages: SerializedMessage[] = [];
  let parentId: string | null = null;
  for (let turn = 0; turn < turns; turn++) {
    const text = `${QUESTIONS[turn % QUESTIONS.length]} (#${turn + 1})`;
    const userId = `u${turn}`;
    const content = [{ type: 'text' as const, text }];
    messages.push({
      id: userId,
      role: 'user',
      parentId,
      createdAt: turn,
      content,
      text,
      attachments: [],
      steps: [{ type: 'user_input', content }],
      status: 'sent',
    });
    const reply = answer(turn + 1);
    messages.push({
      id: `m${turn}`,
      role: 'model',
      parentId: userId,
      createdAt: turn,
      steps: [{ type: 'model_output', content: [{ type: 'text', text: reply }] }],
      text: reply,
      thoughts: '',
      status: 'completed',
      usage: { total_input_tokens: 12 * (turn + 1), total_output_tokens: reply.length >> 2, total_tokens: 0 },
      interactionId: undefined,
      model: MODEL,
      stored: false,
      lastEventId: undefined,
    });
    parentId = `m${turn}`;
  }
  return { version: 1, id, messages, selected: {} };
}

import { pick } from '../util/random.js';
import { countWords } from './text.js';

const SUBJECTS = [
  'A streaming interface',
  'The conversation store',
  'Every chat component',
  'A careful client',
  'The local emulator',
  'A resumable stream',
  'The markdown renderer',
  'Each thought summary',
  'A well-built hook',
  'The request log',
];
const VERBS = [
  'should render',
  'can replay',
  'keeps track of',
  'gracefully handles',
  'quietly buffers',
  'never loses',
  'clearly reports',
  'patiently waits for',
  'deterministically produces',
  'incrementally assembles',
];
const OBJECTS = [
  'partial answers as they arrive',
  'every event after the last one it saw',
  'the history of earlier turns',
  'errors as plain values',
  'long answers without jank',
  'the user input when a turn fails',
  'tables, lists and code blocks',
  'the usage reported for each turn',
  'a cancelled generation',
  'attachments uploaded beforehand',
];
const ENDINGS = [
  '.',
  ', even on a slow connection.',
  ', one chunk at a time.',
  ' without any network access.',
  ', which makes tests reliable.',
  ' while the user keeps typing.',
];

function sentence(random: () => number): string {
  return `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)}${pick(random, ENDINGS)}`;
}

/** A paragraph of seeded prose with about `words` words (never fewer). */
export function fillerParagraph(random: () => number, words: number): string {
  const sentences: string[] = [];
  let total = 0;
  while (total < words) {
    const next = sentence(random);
    sentences.push(next);
    total += countWords(next);
  }
  return sentences.join(' ');
}

/** Paragraphs of seeded prose with at least `words` words in all, about 80 words per paragraph. */
export function fillerParagraphs(random: () => number, words: number): string[] {
  const paragraphs: string[] = [];
  let remaining = words;
  while (remaining > 0) {
    const paragraph = fillerParagraph(random, Math.min(80, remaining));
    paragraphs.push(paragraph);
    remaining -= countWords(paragraph);
  }
  return paragraphs;
}

/**
 * Adversarial inputs (after cmark's pathological test suite), each with a check that the output is
 * what it should be, or at least keeps all the text. Shared by the browser test and the story; their
 * cost is measured in bench/, not asserted in tests.
 */
export interface PathologicalCase {
  readonly name: string;
  readonly input: string;
  /** Checks the rendered root; throws (via expect) or returns a description of what is wrong. */
  readonly check: (root: HTMLElement) => string | null;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;
const expectCount = (root: HTMLElement, needle: string, n: number) => {
  const actual = count(root.textContent ?? '', needle);
  return actual === n ? null : `expected ${n} × ${JSON.stringify(needle)} in the text, found ${actual}`;
};
const expectText = (root: HTMLElement, needle: string) =>
  (root.textContent ?? '').includes(needle) ? null : `text lacks ${JSON.stringify(needle)}`;

export const pathologicalCases: readonly PathologicalCase[] = [
  { name: "'**a**' × 16000", input: '**a**'.repeat(16_000), check: (root) => expectCount(root, 'a', 16_000) },
  {
    name: 'nested strong/emphasis',
    input: `${'*a **a '.repeat(4_000)}b${' a** a*'.repeat(4_000)}`,
    check: (root) => expectCount(root, 'b', 1),
  },
  {
    name: 'emphasis closers without openers',
    input: 'a_ '.repeat(16_000),
    check: (root) => expectCount(root, 'a', 16_000),
  },
  {
    name: 'emphasis openers without closers',
    input: '_a '.repeat(16_000),
    check: (root) => expectCount(root, 'a', 16_000),
  },
  {
    name: 'mismatched openers and closers',
    input: '*a_ '.repeat(16_000),
    check: (root) => expectCount(root, 'a', 16_000),
  },
  {
    name: 'link openers without closers',
    input: '[a'.repeat(16_000),
    check: (root) => expectCount(root, '[', 16_000),
  },
  {
    name: 'link closers without openers',
    input: 'a]'.repeat(16_000),
    check: (root) => expectCount(root, ']', 16_000),
  },
  {
    name: 'thousands of unclosed brackets',
    input: '['.repeat(20_000),
    check: (root) => expectCount(root, '[', 20_000),
  },
  {
    name: 'unclosed link destinations',
    input: '[a]('.repeat(16_000),
    check: (root) => expectCount(root, '[a](', 16_000),
  },
  {
    name: 'nested brackets',
    input: `${'['.repeat(10_000)}a${']'.repeat(10_000)}`,
    check: (root) => expectCount(root, 'a', 1),
  },
  {
    name: 'link openers and emphasis closers',
    input: '[ a_'.repeat(16_000),
    check: (root) => expectCount(root, 'a', 16_000),
  },
  {
    name: 'hard link/emphasis case',
    input: '[ (]('.repeat(16_000),
    check: (root) => expectCount(root, '(', 32_000),
  },
  {
    name: 'deeply nested lists',
    input: `${Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}* a\n`).join('')}\nafter the list`,
    check: (root) => expectText(root, 'after the list'),
  },
  {
    name: 'list markers nested on one line',
    input: `${'- '.repeat(5_000)}deep\n\nafter`,
    check: (root) => expectText(root, 'after'),
  },
  {
    name: 'deeply nested block quotes',
    input: `${'> '.repeat(10_000)}deep\n\nafter the quote`,
    check: (root) => expectText(root, 'after the quote') ?? expectText(root, 'deep'),
  },
  {
    name: 'backtick runs of every length',
    input: Array.from({ length: 1_000 }, (_, i) => `e${'`'.repeat(i)}`).join(''),
    check: (root) => expectCount(root, 'e', 1_000),
  },
  {
    name: 'unclosed angle brackets',
    input: '<'.repeat(30_000),
    check: (root) => expectCount(root, '<', 30_000),
  },
  {
    name: 'a table 2000 columns wide',
    input: `${'| a '.repeat(2_000)}|\n${'|---'.repeat(2_000)}|\n${'| 1 '.repeat(2_000)}|`,
    check: (root) => (root.querySelectorAll('th').length === 2_000 ? null : 'expected 2000 header cells'),
  },
  {
    name: 'many reference definitions',
    input: `${'[r]: /u\n'.repeat(4_000)}\n${'[r] '.repeat(4_000)}`,
    check: (root) => (root.querySelectorAll('a').length === 4_000 ? null : 'expected 4000 links'),
  },
  { name: 'image openers', input: '![['.repeat(16_000), check: (root) => expectCount(root, '![[', 16_000) },
  {
    name: 'null bytes',
    input: 'a\u0000b'.repeat(5_000),
    check: (root) => expectCount(root, '\uFFFD', 5_000),
  },
];

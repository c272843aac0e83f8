import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The answer every contender renders: deterministic markdown (seeded) of about a given size, with the
 * constructs a long model answer has — headings, paragraphs with inline formatting and links, bullet and
 * numbered lists, fenced code, tables and quotes — and, for checking what was rendered, the plain text
 * each block must show and how many of each construct there are.
 *
 * The text stays clear of what renderers legitimately show differently: no quotes, dashes or ellipses
 * (typographers), no HTML or entities, no autolinks.
 */

export interface Answer {
  markdown: string;
  /**
   * The visible text, in order, as pieces each renderer must show contiguously (a heading, a paragraph,
   * a list item, a table cell, a line of code). Between pieces a renderer may show other things
   * (copy buttons, language labels, line numbers).
   */
  pieces: string[];
  counts: AnswerCounts;
}

export interface AnswerCounts {
  headings: number;
  tables: number;
  codeBlocks: number;
  listItems: number;
}

/** The sentence that closes every answer: proof that the stream's last delta was rendered. */
export const LAST_WORDS = 'That is the whole answer, end of stream marker.';

const WORDS = (
  'river delta stream basin channel current flood plain source mouth bank bed gauge sediment valley ' +
  'canyon estuary tributary meander levee wetland runoff rainfall glacier aquifer spring reservoir dam ' +
  'turbine lock barge ferry bridge ford rapids waterfall gorge oxbow floodgate sluice weir culvert ' +
  'model answer token render frame update layout style script commit buffer parser block inline chunk ' +
  'stream event delta snapshot reducer store signal request response header status cursor window ' +
  'measure sample median ratio budget target linear growth cost steady quiet busy idle long short ' +
  'north south east west upper lower inner outer early late slow fast warm cold clear muddy deep shallow'
).split(' ');

const LANGUAGES = ['ts', 'python', 'json', 'bash', 'go'] as const;

interface Piece {
  markdown: string;
  text: string;
}

/** Markdown of about `bytes` UTF-8 bytes (ASCII, so characters), the same for the same seed. */
export function generateAnswer(bytes: number, seed = 1): Answer {
  const generator = xoroshiro128plus(seed);
  const random = () => uniformFloat64(generator);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

  /** Inline formatting around some words; the piece's text is what a reader sees. */
  const sentence = (): Piece => {
    const md: string[] = [];
    const text: string[] = [];
    const count = between(8, 18);
    for (let i = 0; i < count; i++) {
      const word = i === 0 ? capitalized(pick(WORDS)) : pick(WORDS);
      const roll = random();
      if (roll < 0.05) {
        md.push(`**${word}**`);
        text.push(word);
      } else if (roll < 0.09) {
        md.push(`*${word}*`);
        text.push(word);
      } else if (roll < 0.13) {
        const name = `${word}_${between(1, 99)}`;
        md.push(`\`${name}\``);
        text.push(name);
      } else if (roll < 0.15) {
        md.push(`[${word} notes](https://example.com/${word}/${between(1, 999)})`);
        text.push(`${word} notes`);
      } else {
        md.push(word);
        text.push(word);
      }
    }
    return { markdown: `${md.join(' ')}.`, text: `${text.join(' ')}.` };
  };
  const paragraph = (sentences: number): Piece => {
    const parts = Array.from({ length: sentences }, sentence);
    return { markdown: parts.map((p) => p.markdown).join(' '), text: parts.map((p) => p.text).join(' ') };
  };

  const blocks: string[] = [];
  const pieces: string[] = [];
  const counts: AnswerCounts = { headings: 0, tables: 0, codeBlocks: 0, listItems: 0 };
  let size = 0;
  const add = (markdown: string, text: string[]) => {
    blocks.push(markdown);
    pieces.push(...text);
    size += markdown.length + 2;
  };

  const heading = (level: 2 | 3, title: string) => {
    add(`${'#'.repeat(level)} ${title}`, [title]);
    counts.headings++;
  };
  const list = (ordered: boolean) => {
    const items = Array.from({ length: between(3, 6) }, () => paragraph(1));
    const markdown = items.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${item.markdown}`).join('\n');
    add(
      markdown,
      items.map((item) => item.text),
    );
    counts.listItems += items.length;
  };
  const code = () => {
    const language = pick(LANGUAGES);
    const lines = Array.from({ length: between(6, 14) }, (_, i) => {
      const indent = i === 0 ? '' : '  '.repeat(between(0, 2));
      return `${indent}${pick(WORDS)}_${between(1, 9)} = ${pick(WORDS)}(${between(0, 999)}, ${pick(WORDS)});`;
    });
    add(`\`\`\`${language}\n${lines.join('\n')}\n\`\`\``, lines);
    counts.codeBlocks++;
  };
  const table = () => {
    const columns = between(3, 4);
    const header = Array.from({ length: columns }, () => capitalized(pick(WORDS)));
    const rows = Array.from({ length: between(4, 7) }, () =>
      Array.from({ length: columns }, (_, c) => (c === 0 ? words(2) : `${between(1, 9999)} ${pick(WORDS)}`)),
    );
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const markdown = [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
    add(markdown, [...header, ...rows.flat()]);
    counts.tables++;
  };
  const quote = () => {
    const p = paragraph(2);
    add(`> ${p.markdown}`, [p.text]);
  };

  let section = 0;
  const target = bytes - LAST_WORDS.length - 200;
  while (size < target) {
    section++;
    heading(2, `Part ${section}: ${capitalized(words(3))}`);
    const intro = paragraph(between(3, 5));
    add(intro.markdown, [intro.text]);
    const shapes = [() => list(random() < 0.5), code, table, quote];
    for (let i = 0; i < 3 && size < target; i++) {
      pick(shapes)();
      if (random() < 0.4) {
        heading(3, `${capitalized(words(2))} ${section}.${i + 1}`);
      }
      const p = paragraph(between(2, 4));
      add(p.markdown, [p.text]);
    }
  }
  heading(2, 'Summary');
  const closing = paragraph(2);
  add(`${closing.markdown} ${LAST_WORDS}`, [`${closing.text} ${LAST_WORDS}`]);
  return { markdown: blocks.join('\n\n'), pieces, counts };
}

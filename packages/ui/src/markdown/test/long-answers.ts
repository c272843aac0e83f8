/** Deterministic long answers for the render-count tests, the stories and benchmarks. */

const SENTENCE =
  'Streaming markdown must stay cheap: **finished blocks** are parsed once, `inline code` stays code, and [links](https://example.com/docs) open safely. ';

/** About `size` characters of mixed markdown: headings, paragraphs, lists, tables and code. */
export function mixedMarkdown(size: number): string {
  let out = '';
  for (let i = 1; out.length < size; i++) {
    out += `## Section ${i}\n\n${SENTENCE.repeat(3)}\n\n`;
    out += `- first point of ${i}\n- second point with *emphasis*\n  - nested detail\n\n`;
    out += `| key | value |\n|:----|------:|\n| a${i} | ${i * 3} |\n| b${i} | ${i * 7} |\n\n`;
    out += `\`\`\`ts\nexport function section${i}(x: number): number {\n  return x * ${i};\n}\n\`\`\`\n\n`;
    out += `> A quoted remark number ${i}.\n\n`;
  }
  return out;
}

/** One paragraph of about `size` characters (no blank line anywhere). */
export function longParagraph(size: number): string {
  return SENTENCE.repeat(Math.ceil(size / SENTENCE.length)).trimEnd();
}

/** One fenced code block of about `size` characters. */
export function longCodeBlock(size: number): string {
  const lines: string[] = [];
  for (let i = 0, length = 0; length < size; i++) {
    const line = `const value${i} = compute(${i}, "text ${i}"); // line ${i}`;
    lines.push(line);
    length += line.length + 1;
  }
  return `\`\`\`js\n${lines.join('\n')}\n\`\`\`\n`;
}

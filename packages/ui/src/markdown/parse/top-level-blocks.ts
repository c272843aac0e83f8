import { MAX_NESTING, type Token } from './markdown-it';

/** One top-level block of markdown-it's flat token stream, with the source lines it covers. */
export interface TopLevelBlock {
  readonly tokens: Token[];
  readonly startLine: number;
  readonly endLine: number;
}

export function splitTopLevel(tokens: readonly Token[]): TopLevelBlock[] {
  const blocks: TopLevelBlock[] = [];
  let previousEnd = 0;
  for (let i = 0; i < tokens.length; ) {
    const first = tokens[i] as Token;
    let j = i;
    if (first.nesting === 1) {
      let depth = 0;
      for (; j < tokens.length; j++) {
        depth += (tokens[j] as Token).nesting;
        if (depth === 0) break;
      }
    }
    const [startLine, endLine] = first.map ?? [previousEnd, previousEnd];
    blocks.push({ tokens: tokens.slice(i, j + 1), startLine, endLine });
    previousEnd = endLine;
    i = j + 1;
  }
  return blocks;
}

/**
 * markdown-it stops descending at `maxNesting` and drops what lies deeper. A block that got there is
 * adversarial or broken; the caller shows its source as plain text rather than a truncated structure.
 */
export function reachesNestingLimit(tokens: readonly Token[]): boolean {
  return tokens.some((token) => token.level >= MAX_NESTING - 1);
}

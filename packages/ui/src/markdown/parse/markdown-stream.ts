import { completeBlockSource, completeInline } from './complete-unfinished';
import { codeText, growGroups, isClosingFence, mayBecomeClosingFence, type OpenFence } from './fence';
import { findParagraphCut, PARAGRAPH_CUT_FORCE, PARAGRAPH_CUT_MIN } from './find-paragraph-cut';
import { chunkInlineTokens } from './inline-chunks';
import { completeLineCount, lineStarts } from './line-starts';
import {
  md,
  normalizeSource,
  type ParseEnv,
  parseBlockTokens,
  parseInlineChildren,
  parseInlineTokens,
  type References,
  type Token,
} from './markdown-it';
import { reachesNestingLimit, splitTopLevel, type TopLevelBlock } from './top-level-blocks';
import type { InlineChunk, MarkdownBlock, MarkdownSnapshot } from './types';

/**
 * Incremental, streaming-safe markdown parsing with a stable prefix.
 *
 * The source is cut at top-level block boundaries: every block before the last one whose successor has
 * started on a complete line can no longer change, so it is parsed once and frozen (the same object in
 * every later snapshot). Only the tail is parsed again on each update. The last block gets the same
 * treatment from the inside, because one huge block would otherwise make each update cost its size:
 * - a growing paragraph is cut at balanced inline boundaries into frozen chunks; only the text after the
 *   last cut is parsed on each update (the block structure after the cut is found by parsing a stand-in
 *   line start, `'a '`, followed by the rest);
 * - a growing fenced code block is scanned line by line for its closing fence and frozen in groups.
 * So the work per update is bounded by the size of the open part, and the total work is linear in the
 * answer's length.
 *
 * Not retroactive: a link reference definition resolves links after it but not links in blocks that
 * were already frozen before it arrived.
 */
export interface MarkdownStream {
  /** Parses `text` (the whole answer so far). `final` = no more text will follow. Idempotent. */
  update(text: string, final: boolean): MarkdownSnapshot;
}

interface OpenParagraph {
  readonly kind: 'paragraph';
  readonly key: string;
  readonly start: number;
  /** Offset where the not-yet-frozen text of the paragraph starts. */
  cut: number;
  /** Inline tokens of the open part at the last update: many means dense markup, cut sooner. */
  tailTokens: number;
  readonly chunks: InlineChunk[];
}

/**
 * Parsing cost is per token (markdown-it allocates one object each), so an open part dense with markup
 * is cut as soon as it holds this many tokens, whatever its length in characters.
 */
const MAX_OPEN_TOKENS = 128;

/** Stands in for the frozen start of a paragraph when only its rest is parsed. */
const STAND_IN = 'a ';

const blockKey = (offset: number) => `b${offset}`;

export function createMarkdownStream(): MarkdownStream {
  let raw = '';
  let consumed = 0;
  let src = '';
  let finalized = false;
  let frozen: MarkdownBlock[] = [];
  let end = 0;
  let references: References = {};
  let open: OpenParagraph | OpenFence | null = null;
  let last: MarkdownSnapshot | null = null;

  function reset() {
    raw = '';
    consumed = 0;
    src = '';
    finalized = false;
    frozen = [];
    end = 0;
    references = {};
    open = null;
  }

  /** Appends the new input, normalized; a trailing `\r` waits to see whether a `\n` follows. */
  function ingest(text: string, final: boolean) {
    if (!extendsPrevious(text, raw) || (finalized && text !== raw)) reset();
    raw = text;
    let added = text.slice(consumed);
    if (!final && added.endsWith('\r')) added = added.slice(0, -1);
    src += normalizeSource(added);
    consumed += added.length;
  }

  const tailEnv = (): ParseEnv => ({ references: { ...references } });

  function freeze(block: MarkdownBlock) {
    frozen.push(block);
  }

  /** Adds the definitions in [from, to) to the permanent references (only when there are new ones). */
  function collectReferences(env: ParseEnv, from: number, to: number) {
    if (Object.keys(env.references).length === Object.keys(references).length) return;
    parseBlockTokens(src.slice(from, to), { references });
  }

  function toBlock(
    block: TopLevelBlock,
    key: string,
    isOpen: boolean,
    env: ParseEnv,
    source: () => string,
  ): MarkdownBlock {
    const { tokens } = block;
    const first = tokens[0] as Token;
    if (reachesNestingLimit(tokens)) return { kind: 'plain', key, open: isOpen, text: source() };
    if (first.type === 'paragraph_open') {
      const inline = tokens[1] as Token;
      return {
        kind: 'paragraph',
        key,
        open: isOpen,
        chunks: chunkInlineTokens(parseInlineTokens(inline.content, env), key, inline.content),
      };
    }
    if (first.type === 'fence' || first.type === 'code_block') {
      return {
        kind: 'code',
        key,
        open: isOpen,
        language: languageOf(first.info),
        code: first.content,
        groups: [],
        complete: !isOpen,
      };
    }
    parseInlineChildren(tokens, env);
    return { kind: 'tokens', key, open: isOpen, tokens };
  }

  /** Parses the unfrozen source as it will probably end up, for display only. */
  function displayBlocks(from: number, final: boolean): MarkdownBlock[] {
    const source = src.slice(from);
    const shown = final ? source : completeBlockSource(source);
    const env = tailEnv();
    const blocks = splitTopLevel(parseBlockTokens(shown, env));
    const starts = lineStarts(shown);
    return blocks.map((block) => {
      const offset = from + (starts[block.startLine] ?? 0);
      const blockSource = () => shown.slice(starts[block.startLine], starts[block.endLine]);
      return toBlock(block, blockKey(offset), !final, env, blockSource);
    });
  }

  function advanceGeneric(final: boolean): MarkdownBlock[] | 'continue' {
    const tail = src.slice(end);
    const env = tailEnv();
    const blocks = splitTopLevel(parseBlockTokens(tail, env));
    const starts = lineStarts(tail);
    const completeLines = completeLineCount(tail, final);
    // A block is final once the block after it has started on a line that can no longer change how
    // the two are split: a complete line, or one already holding words (see `isSettledLine`).
    const settled = (line: number) =>
      line < completeLines || isSettledLine(tail.slice(starts[line], starts[line + 1] ?? tail.length));
    let freezeCount = 0;
    while (freezeCount < blocks.length - 1 && settled((blocks[freezeCount + 1] as TopLevelBlock).startLine))
      freezeCount++;
    if (final) freezeCount = blocks.length;
    for (let i = 0; i < freezeCount; i++) {
      const block = blocks[i] as TopLevelBlock;
      const offset = end + (starts[block.startLine] ?? 0);
      const blockSource = () => tail.slice(starts[block.startLine], starts[block.endLine]);
      freeze(toBlock(block, blockKey(offset), false, env, blockSource));
    }
    const rest = blocks[freezeCount];
    const newEnd = rest ? end + (starts[rest.startLine] ?? 0) : final ? src.length : end;
    collectReferences(env, end, newEnd);
    end = newEnd;
    if (!rest) return [];
    if (freezeCount === blocks.length - 1) {
      const first = rest.tokens[0] as Token;
      if (first.type === 'paragraph_open' && !reachesNestingLimit(rest.tokens)) {
        open = { kind: 'paragraph', key: blockKey(end), start: end, cut: end, tailTokens: 0, chunks: [] };
        return 'continue';
      }
      if (first.type === 'fence' && rest.startLine < completeLines) {
        open = openFence(first, tail.slice(starts[rest.startLine], starts[rest.startLine + 1]));
        return 'continue';
      }
    }
    return displayBlocks(end, final);
  }

  function openFence(token: Token, openingLine: string): OpenFence {
    const contentStart = end + openingLine.length;
    return {
      kind: 'fence',
      key: blockKey(end),
      language: languageOf(token.info),
      marker: token.markup[0] as string,
      markerLength: token.markup.length,
      indent: openingLine.length - openingLine.trimStart().length,
      contentStart,
      scanFrom: contentStart,
      groupEnd: contentStart,
      groupEndAtLineStart: true,
      groups: [],
    };
  }

  function advanceFence(fence: OpenFence, final: boolean): MarkdownBlock[] | 'closed' {
    let closeAt = -1;
    let closeEnd = -1;
    for (;;) {
      const newline = src.indexOf('\n', fence.scanFrom);
      const lineEnd = newline === -1 ? src.length : newline;
      if (newline === -1 && !(final && fence.scanFrom < src.length)) break;
      if (isClosingFence(src, fence.scanFrom, lineEnd, fence)) {
        closeAt = fence.scanFrom;
        closeEnd = newline === -1 ? src.length : newline + 1;
        break;
      }
      fence.scanFrom = newline === -1 ? src.length : newline + 1;
    }
    if (closeAt === -1 && !final) {
      growGroups(src, fence);
      const lastLine = src.slice(fence.scanFrom);
      const visibleEnd = mayBecomeClosingFence(lastLine, fence) ? fence.scanFrom : src.length;
      const tailText = codeText(
        src,
        fence.groupEnd,
        Math.max(fence.groupEnd, visibleEnd),
        fence,
        fence.groupEndAtLineStart,
      );
      return [
        {
          kind: 'code',
          key: fence.key,
          open: true,
          language: fence.language,
          code: codeText(src, fence.contentStart, Math.max(fence.contentStart, visibleEnd), fence, true),
          groups: tailText
            ? [...fence.groups, { key: `${fence.key}:g${fence.groupEnd}`, text: tailText }]
            : [...fence.groups],
          complete: false,
        },
      ];
    }
    let contentEnd = closeAt === -1 ? src.length : closeAt;
    // Like markdown-it, an unclosed fence at the end of the input drops a last line of only blanks.
    const lastLineStart = src.lastIndexOf('\n') + 1;
    if (closeAt === -1 && lastLineStart >= fence.contentStart && src.slice(lastLineStart).trim() === '')
      contentEnd = lastLineStart;
    const lastText = codeText(
      src,
      fence.groupEnd,
      Math.max(fence.groupEnd, contentEnd),
      fence,
      fence.groupEndAtLineStart,
    );
    freeze({
      kind: 'code',
      key: fence.key,
      open: false,
      language: fence.language,
      code: codeText(src, fence.contentStart, contentEnd, fence, true),
      groups: lastText
        ? [...fence.groups, { key: `${fence.key}:g${fence.groupEnd}`, text: lastText }]
        : fence.groups,
      complete: true,
    });
    end = closeAt === -1 ? src.length : closeEnd;
    open = null;
    return 'closed';
  }

  function advanceParagraph(
    paragraph: OpenParagraph,
    final: boolean,
  ): MarkdownBlock[] | 'closed' | 'reparse' {
    const standIn = paragraph.chunks.length > 0;
    const from = standIn ? paragraph.cut : paragraph.start;
    const parsed = standIn ? STAND_IN + src.slice(from) : src.slice(from);
    // Offset in `src` of position 0 of `parsed`.
    const base = standIn ? from - STAND_IN.length : from;
    const env = tailEnv();
    const blocks = splitTopLevel(parseBlockTokens(parsed, env));
    const first = blocks[0];
    if (first?.startLine !== 0 || (first.tokens[0] as Token).type !== 'paragraph_open') {
      // The paragraph turned into something else (a setext heading, a table): parse it afresh.
      open = null;
      return 'reparse';
    }
    const starts = lineStarts(parsed);
    const completeLines = completeLineCount(parsed, final);
    const next = blocks[1];
    const closed =
      final || (next !== undefined && next.startLine < completeLines) || first.endLine < completeLines;
    let content = (first.tokens[1] as Token).content;
    let contentStart = base + (parsed.length - parsed.trimStart().length);
    if (standIn) {
      content = content.slice(STAND_IN.length);
      contentStart = from;
    }
    if (closed) {
      closeParagraph(paragraph, content, contentStart, base + (starts[first.endLine] ?? parsed.length), env);
      return 'closed';
    }
    const dense = paragraph.tailTokens > MAX_OPEN_TOKENS;
    if (content.length >= PARAGRAPH_CUT_MIN || dense) {
      const cut = findParagraphCut(content, dense || content.length >= PARAGRAPH_CUT_FORCE);
      if (cut > 0) {
        paragraph.chunks.push({
          key: `${paragraph.key}:${contentStart}`,
          tokens: parseInlineTokens(content.slice(0, cut), env),
        });
        paragraph.cut = contentStart + cut;
        content = content.slice(cut);
        contentStart += cut;
      }
    }
    if (paragraph.chunks.length === 0) return displayBlocks(paragraph.start, false);
    const tail: InlineChunk = {
      key: `${paragraph.key}:${contentStart}`,
      tokens: parseInlineTokens(completeInline(content), env),
    };
    paragraph.tailTokens = tail.tokens.length;
    return [{ kind: 'paragraph', key: paragraph.key, open: true, chunks: [...paragraph.chunks, tail] }];
  }

  /**
   * Freezes a finished paragraph. Its streamed chunks are kept (and so not rendered again) when they
   * say exactly what one parse of the whole paragraph says; otherwise the whole parse replaces them.
   */
  function closeParagraph(
    paragraph: OpenParagraph,
    content: string,
    contentStart: number,
    paragraphEnd: number,
    env: ParseEnv,
  ) {
    const lastTokens = parseInlineTokens(content, env);
    let chunks: readonly InlineChunk[];
    if (paragraph.chunks.length === 0) {
      chunks = chunkInlineTokens(lastTokens, paragraph.key, content);
    } else {
      const streamed = [...paragraph.chunks, { key: `${paragraph.key}:${contentStart}`, tokens: lastTokens }];
      const source = src.slice(paragraph.start, paragraphEnd).trim();
      const whole = parseInlineTokens(source, env);
      const same =
        streamed.map((chunk) => renderInlineHtml(chunk.tokens, env)).join('') ===
        renderInlineHtml(whole, env);
      chunks = same ? streamed : chunkInlineTokens(whole, paragraph.key, source);
    }
    freeze({ kind: 'paragraph', key: paragraph.key, open: false, chunks });
    end = paragraphEnd;
    open = null;
  }

  function advance(final: boolean): MarkdownBlock[] {
    for (;;) {
      if (open?.kind === 'fence') {
        const result = advanceFence(open, final);
        if (result !== 'closed') return result;
      } else if (open?.kind === 'paragraph') {
        const result = advanceParagraph(open, final);
        if (result !== 'closed' && result !== 'reparse') return result;
      } else {
        const result = advanceGeneric(final);
        if (result !== 'continue') return result;
      }
    }
  }

  return {
    update(text, final) {
      if (last && last.text === text && last.final === final) return last;
      ingest(text, final);
      const tail = advance(final);
      if (final) finalized = true;
      last = { text, final, blocks: tail.length > 0 ? frozen.concat(tail) : frozen.slice() };
      return last;
    },
  };
}

/**
 * An unfinished line that already holds a letter or digit and a space cannot turn into a marker-only
 * line (`-`, `1.`, `***`, `---`, `#`, a fence) that would join the previous block or re-shape it; a
 * shorter one might, so the block before it stays open until the line is complete. Except a line that
 * opens with a backtick fence: a backtick later on the line (`` ```2) a``` ``) makes it inline code in
 * the paragraph above, not a fence, so it is settled only once complete.
 */
function isSettledLine(line: string): boolean {
  if (BACKTICK_FENCE_START.test(line)) return false;
  const text = line.trim();
  return /[\p{L}\p{N}]/u.test(text) && /\s/.test(text);
}

const BACKTICK_FENCE_START = /^ {0,3}```/;

/**
 * Is `text` the previous text plus more? A full `startsWith` costs the whole length on every delta
 * (V8 compares sliced strings char by char), so compare the start and the end of the previous text:
 * a regenerated or edited answer differs there in practice, and the check stays O(1).
 */
const PROBE = 64;
function extendsPrevious(text: string, previous: string): boolean {
  if (text.length < previous.length) return false;
  if (previous.length <= 2 * PROBE) return text.startsWith(previous);
  const tailFrom = previous.length - PROBE;
  return text.startsWith(previous.slice(0, PROBE)) && text.startsWith(previous.slice(tailFrom), tailFrom);
}

function languageOf(info: string): string {
  return md.utils.unescapeAll(info).trim().split(/\s+/)[0] ?? '';
}

function renderInlineHtml(tokens: readonly Token[], env: ParseEnv): string {
  return md.renderer.renderInline(tokens as Token[], md.options, env);
}

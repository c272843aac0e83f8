import { type CSSProperties, createElement, Fragment, type ReactNode } from 'react';
import type { GemkitStrings } from '../../strings/default-strings';
import type { Token } from '../parse/markdown-it';
import { CodeBlockView } from './CodeBlockView';
import { safeUrl } from './safe-url';

/**
 * markdown-it tokens → React elements. Model output only ever becomes text nodes and attributes set
 * through React (which escapes them): no `dangerouslySetInnerHTML`. URLs pass `safeUrl` first.
 * Unknown token types render their text content, so a new markdown-it token never breaks a message.
 */
export interface RenderContext {
  readonly strings: GemkitStrings;
}

const SIMPLE_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'em',
  'strong',
  's',
  'thead',
  'tbody',
  'tr',
  'sup',
  'sub',
]);

const CLASS_BY_TAG: Record<string, string> = {
  p: 'gk-md-p',
  h1: 'gk-md-h gk-md-h1',
  h2: 'gk-md-h gk-md-h2',
  h3: 'gk-md-h gk-md-h3',
  h4: 'gk-md-h gk-md-h4',
  h5: 'gk-md-h gk-md-h5',
  h6: 'gk-md-h gk-md-h6',
  blockquote: 'gk-md-quote',
  ul: 'gk-md-list',
  ol: 'gk-md-list',
  li: 'gk-md-li',
  tr: 'gk-md-tr',
};

interface Frame {
  readonly token: Token;
  readonly children: ReactNode[];
  readonly index: number;
}

/**
 * A heading with no text (`###` alone, or an answer stopped right after `### `): screen readers would
 * list an empty heading, so it is not rendered.
 */
const isEmptyHeading = (tokens: readonly Token[], frame: Frame) =>
  frame.token.type === 'heading_open' && (tokens[frame.index + 1]?.content ?? '').trim() === '';

export function renderTokens(tokens: readonly Token[], context: RenderContext): ReactNode[] {
  const root: ReactNode[] = [];
  const stack: Frame[] = [];
  const out = () => (stack.length > 0 ? (stack[stack.length - 1] as Frame).children : root);
  tokens.forEach((token, index) => {
    if (token.nesting === 1) {
      stack.push({ token, children: [], index });
    } else if (token.nesting === -1) {
      const frame = stack.pop();
      if (frame && !isEmptyHeading(tokens, frame)) {
        out().push(renderContainer(frame.token, frame.children, index, context));
      }
    } else {
      out().push(renderLeaf(token, index, context));
    }
  });
  // Unbalanced input (not produced by markdown-it, but never trust): flush what is open.
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    out().push(renderContainer(frame.token, frame.children, tokens.length + stack.length, context));
  }
  return root;
}

function renderContainer(
  token: Token,
  children: ReactNode[],
  key: number,
  context: RenderContext,
): ReactNode {
  const tag = token.tag;
  // Paragraphs in tight lists are hidden: their content sits directly in the <li>.
  if (token.hidden) return <Fragment key={key}>{children}</Fragment>;
  switch (token.type) {
    case 'link_open':
      return renderLink(token, children, key, context);
    case 'ordered_list_open': {
      const start = Number(attr(token, 'start') ?? 1);
      return (
        <ol
          key={key}
          className="gk-md-list"
          start={Number.isFinite(start) && start !== 1 ? start : undefined}
        >
          {children}
        </ol>
      );
    }
    case 'table_open':
      return (
        <TableScroller key={key} label={context.strings.tableRegionLabel}>
          {children}
        </TableScroller>
      );
    case 'th_open':
    case 'td_open':
      return createElement(tag, { key, className: 'gk-md-cell', style: alignment(token) }, children);
    default:
      if (SIMPLE_TAGS.has(tag)) return createElement(tag, { key, className: CLASS_BY_TAG[tag] }, children);
      return createElement('span', { key }, children);
  }
}

function attr(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

function alignment(token: Token): CSSProperties | undefined {
  const style = attr(token, 'style');
  const align = style && /text-align:(left|right|center)/.exec(style)?.[1];
  return align ? { textAlign: align as CSSProperties['textAlign'] } : undefined;
}

function renderLink(token: Token, children: ReactNode[], key: number, context: RenderContext): ReactNode {
  const href = safeUrl(attr(token, 'href'), 'link');
  if (href === null)
    return (
      <span key={key} className="gk-md-link-blocked">
        {children}
      </span>
    );
  const title = attr(token, 'title') ?? undefined;
  return (
    <a
      key={key}
      className="gk-md-link"
      href={href}
      title={title}
      target="_blank"
      rel="noopener noreferrer nofollow"
    >
      {children}
      <span className="gk-visually-hidden"> {context.strings.opensInNewTab}</span>
    </a>
  );
}

function renderLeaf(token: Token, key: number, context: RenderContext): ReactNode {
  switch (token.type) {
    case 'text':
    case 'text_special':
      return token.content;
    case 'inline':
      return token.children ? renderTokens(token.children, context) : token.content;
    case 'softbreak':
      return '\n';
    case 'hardbreak':
      return <br key={key} />;
    case 'code_inline':
      return (
        <code key={key} className="gk-md-code-inline">
          {token.content}
        </code>
      );
    case 'hr':
      return <hr key={key} className="gk-md-hr" />;
    case 'image':
      return renderImage(token, key, context);
    case 'fence':
    case 'code_block':
      return (
        <CodeBlockView
          key={key}
          language={token.info.trim().split(/\s+/)[0] ?? ''}
          code={token.content}
          groups={null}
          complete
        />
      );
    default:
      // html_inline / html_block cannot occur (html is off) but would be text; unknown types too.
      return token.content || null;
  }
}

function renderImage(token: Token, key: number, context: RenderContext): ReactNode {
  const alt = token.children ? plainText(token.children) : token.content;
  const src = safeUrl(attr(token, 'src'), 'image');
  if (src === null)
    return (
      <span key={key} className="gk-md-image-blocked">
        {context.strings.imageBlocked(alt)}
      </span>
    );
  const title = attr(token, 'title') ?? undefined;
  return (
    <img
      key={key}
      className="gk-md-image"
      src={src}
      alt={alt}
      title={title}
      loading="lazy"
      referrerPolicy="no-referrer"
    />
  );
}

function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((t) =>
      t.children ? plainText(t.children) : t.type === 'text' || t.type === 'code_inline' ? t.content : '',
    )
    .join('');
}

/** Wide tables scroll sideways; keyboard users must be able to reach the scroller to scroll it. */
function TableScroller({ label, children }: { label: string; children: ReactNode[] }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> is for form controls; this is a named scroll container
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls, so it must be focusable (axe: scrollable-region-focusable)
    <div className="gk-md-table-wrap" role="group" aria-label={label} tabIndex={0}>
      <table className="gk-md-table">{children}</table>
    </div>
  );
}

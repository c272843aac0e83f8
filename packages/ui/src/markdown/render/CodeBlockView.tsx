'use client';
import { memo, type ReactNode } from 'react';
import { useGemkitStrings } from '../../strings/strings-context';
import type { HighlightNode } from '../highlight/highlight-tree';
import { useHighlight } from '../highlight/use-highlight';
import type { CodeGroup } from '../parse/types';
import { CopyButton } from './CopyButton';
import { useHighlightEnabled } from './highlight-setting';
import { useRenderProbe } from './render-probe';

export interface CodeBlockViewProps {
  readonly language: string;
  readonly code: string;
  /** Frozen groups of a streamed block (each rendered once), or null to render `code` as one text. */
  readonly groups: readonly CodeGroup[] | null;
  /** Highlighting starts only when the block is complete, so a growing block is never re-highlighted. */
  readonly complete: boolean;
}

/** A code block: language label, copy button, plain text first, then the lazily highlighted version. */
export function CodeBlockView({ language, code, groups, complete }: CodeBlockViewProps) {
  const strings = useGemkitStrings();
  const highlightEnabled = useHighlightEnabled();
  const highlighted = useHighlight(complete && highlightEnabled ? code : null, language);
  const label = strings.codeBlockLabel(language);
  let body: ReactNode;
  if (highlighted) body = renderHighlight(highlighted);
  else if (groups) body = groups.map((group) => <CodeGroupView key={group.key} group={group} />);
  else body = code;
  return (
    <figure className="gk-md-codeblock" aria-label={label}>
      <figcaption className="gk-md-codeblock-header">
        <span className="gk-md-codeblock-lang">{language || label}</span>
        <CopyButton getText={() => code} />
      </figcaption>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: long lines scroll, so it must be focusable */}
      <pre className="gk-md-pre" tabIndex={0} data-highlighted={highlighted ? 'true' : undefined}>
        <code className={language ? `gk-md-code language-${language}` : 'gk-md-code'}>{body}</code>
      </pre>
    </figure>
  );
}

const CodeGroupView = memo(function CodeGroupView({ group }: { group: CodeGroup }) {
  useRenderProbe('code-group', group.key);
  return <>{group.text}</>;
});

function renderHighlight(nodes: readonly HighlightNode[]): ReactNode[] {
  return nodes.map((node, index) =>
    typeof node === 'string' ? (
      node
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the tree is rebuilt whole, never reordered
      <span key={index} className={node.className}>
        {renderHighlight(node.children)}
      </span>
    ),
  );
}

'use client';
import { useEffect, useState } from 'react';
import type { HighlightNode } from './highlight-tree';

interface Highlighted {
  readonly code: string;
  readonly language: string;
  readonly nodes: HighlightNode[];
}

/**
 * The highlighter module, imported once: a bundler's dynamic import() may do work on every call (Vite's
 * preload helper queries the document for each), and a long conversation has hundreds of code blocks.
 */
let highlighter: Promise<typeof import('./highlighter')> | undefined;
const loadHighlighter = () => {
  highlighter ??= import('./highlighter');
  // A failed load (offline) is not kept: the next code block tries again.
  highlighter.catch(() => {
    highlighter = undefined;
  });
  return highlighter;
};

/**
 * Highlighted nodes for `code`, once the lazily loaded highlighter has produced them; null until then
 * (and for `code === null`: an open block is not highlighted until it is complete).
 */
export function useHighlight(code: string | null, language: string): HighlightNode[] | null {
  const [result, setResult] = useState<Highlighted | null>(null);
  useEffect(() => {
    if (code === null || language === '') return;
    let live = true;
    loadHighlighter()
      .then(({ highlightCode }) => highlightCode(code, language))
      .then((nodes) => {
        if (live && nodes) setResult({ code, language, nodes });
      })
      .catch(() => {
        // Highlighting is optional: on any failure the code stays plain.
      });
    return () => {
      live = false;
    };
  }, [code, language]);
  return result && result.code === code && result.language === language ? result.nodes : null;
}

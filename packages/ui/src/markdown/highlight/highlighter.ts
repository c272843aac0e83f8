import type { HLJSApi } from 'highlight.js';
import { type HighlightNode, parseHighlightHtml } from './highlight-tree';
import { loadLanguage, resolveLanguage } from './languages';

/** Bigger blocks stay plain: highlighting is a nicety, never a reason for a long task. */
export const MAX_HIGHLIGHT_CHARS = 200_000;

let core: Promise<HLJSApi> | null = null;
const registered = new Map<string, Promise<boolean>>();

/** highlight.js core, loaded on first use, as a private instance (an app's own hljs is untouched). */
function loadCore(): Promise<HLJSApi> {
  core ??= import('highlight.js/lib/core').then((module) => module.default.newInstance());
  return core;
}

function ensureLanguage(hljs: HLJSApi, canonical: string): Promise<boolean> {
  let ready = registered.get(canonical);
  if (!ready) {
    ready = (loadLanguage(canonical) ?? Promise.reject(new Error(canonical))).then(
      (module) => {
        hljs.registerLanguage(canonical, module.default);
        return true;
      },
      () => false,
    );
    registered.set(canonical, ready);
  }
  return ready;
}

/** Highlighted code as a tree, or null when the language is unknown or the code too large. */
export async function highlightCode(code: string, language: string): Promise<HighlightNode[] | null> {
  const canonical = resolveLanguage(language);
  if (!canonical || code.length > MAX_HIGHLIGHT_CHARS) return null;
  const hljs = await loadCore();
  if (!(await ensureLanguage(hljs, canonical))) return null;
  const result = hljs.highlight(code, { language: canonical, ignoreIllegals: true });
  return parseHighlightHtml(result.value);
}

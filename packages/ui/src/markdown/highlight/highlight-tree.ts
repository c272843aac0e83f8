/**
 * highlight.js returns HTML in which every character of the code is escaped and the only markup is
 * `<span class="hljs-…">` / `</span>`. We turn that into a tree of plain objects and render it with
 * React, so even the highlighter's output never reaches `innerHTML`.
 */
export type HighlightNode = string | { readonly className: string; readonly children: HighlightNode[] };

const TOKEN = /<span class="([^"]*)">|<\/span>|([^<]+)/g;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#39;': "'",
};

export function parseHighlightHtml(html: string): HighlightNode[] {
  const root: HighlightNode[] = [];
  const stack: HighlightNode[][] = [root];
  for (const match of html.matchAll(TOKEN)) {
    const current = stack[stack.length - 1] as HighlightNode[];
    if (match[1] !== undefined) {
      const node = { className: match[1], children: [] as HighlightNode[] };
      current.push(node);
      stack.push(node.children);
    } else if (match[2] !== undefined) {
      current.push(
        match[2].replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity] ?? entity),
      );
    } else if (stack.length > 1) {
      stack.pop();
    }
  }
  return root;
}

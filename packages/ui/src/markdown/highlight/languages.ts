import type { LanguageFn } from 'highlight.js';

/**
 * The languages we highlight, each its own lazily loaded chunk (1–10 KB minified). highlight.js was
 * chosen over Shiki and Prism: its core is ~20 KB against Shiki's engine plus 100+ KB grammars, it
 * emits class names (so colors come from our CSS variables and follow light/dark without a second
 * pass), and it is fast enough to highlight a finished 50 KB block in one go. Code in any other
 * language stays plain text.
 */
type Loader = () => Promise<{ default: LanguageFn }>;

const loaders: Record<string, Loader> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  go: () => import('highlight.js/lib/languages/go'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  python: () => import('highlight.js/lib/languages/python'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

const aliases: Record<string, string> = {
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  'c++': 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  h: 'c',
  cs: 'csharp',
  'c#': 'csharp',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  py: 'python',
  rb: 'ruby',
  rs: 'rust',
  kt: 'kotlin',
  yml: 'yaml',
  md: 'markdown',
  html: 'xml',
  svg: 'xml',
  patch: 'diff',
  golang: 'go',
};

/** The canonical name of a supported language, or null. */
export function resolveLanguage(name: string): string | null {
  const lower = name.toLowerCase();
  const canonical = aliases[lower] ?? lower;
  return Object.hasOwn(loaders, canonical) ? canonical : null;
}

export function loadLanguage(canonical: string): Promise<{ default: LanguageFn }> | null {
  return Object.hasOwn(loaders, canonical) ? (loaders[canonical] as Loader)() : null;
}

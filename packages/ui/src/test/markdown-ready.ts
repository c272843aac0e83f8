/**
 * Imported by tests that query rendered markdown at once: the parser loads on demand, so they wait for
 * it before their first render (one test file, Markdown.lazy, checks the moment before it is there).
 */
import { loadMarkdownParser } from '../markdown/parse/load-parser';

await loadMarkdownParser();

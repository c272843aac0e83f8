import type { Locator } from 'playwright-core';

/** The text a person sees in an element (layout-aware, trimmed), as Playwright's `innerText` gives it. */
export async function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator method, not the DOM property; the rendered text is the point.
  return (await locator.innerText()).trim();
}

import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyThemeChoice, readThemeChoice } from './theme/theme';

/** Renders a page's root component into its #root, with the theme the visitor chose applied first. */
export function mount(page: ReactNode): void {
  applyThemeChoice(readThemeChoice());
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(<StrictMode>{page}</StrictMode>);
}

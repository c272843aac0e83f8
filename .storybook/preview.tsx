import type { Decorator, Preview } from '@storybook/react-vite';
import '../packages/ui/src/styles.css';
import { loadMarkdownParser } from '../packages/ui/src/markdown/parse/load-parser';

type Theme = 'system' | 'light' | 'dark';

/** Every story sits in a themed root, so the toolbar's choice reaches the components' variables. */
const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals.theme ?? 'system') as Theme;
  return (
    <div
      className="gk-root"
      data-theme={theme === 'system' ? undefined : theme}
      style={{ padding: '1rem', minHeight: '100vh' }}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Color scheme of @gemkit/ui',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'system', title: 'System (prefers-color-scheme)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'system' },
  decorators: [withTheme],
  // The markdown parser loads on demand in apps; stories (and their play functions) start with it.
  loaders: [
    async () => {
      await loadMarkdownParser();
      return {};
    },
  ],
  parameters: {
    layout: 'fullscreen',
    // Accessibility violations fail the story's test (in `pnpm test` and in the Storybook UI).
    a11y: { test: 'error' },
  },
};

export default preview;

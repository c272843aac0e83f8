import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Markdown } from './Markdown';
import { mixedMarkdown } from './test/long-answers';
import { pathologicalCases } from './test/pathological';
import { StreamDemo } from './test/stream-demo';
import { allowedLinkProtocols, xssCorpus } from './test/xss-corpus';

const meta = {
  title: 'UI/Markdown',
  component: Markdown,
  args: { children: '', streaming: false, highlight: true },
} satisfies Meta<typeof Markdown>;

export default meta;
type Story = StoryObj<typeof meta>;

const SHOWCASE = `# Streaming-safe markdown

Model output rendered **safely** and *incrementally*: finished blocks are parsed once, and only the
last one changes while the answer streams. Inline \`code\`, ~~strikethrough~~, [links](https://ai.google.dev/gemini-api/docs)
and bare URLs such as https://example.com work.

## A list

1. Parse the stable prefix once.
2. Re-parse only the open tail:
   - a growing paragraph in chunks,
   - a growing code block in line groups.

> Raw HTML such as <script>alert(1)</script> is shown as text.

| Feature | Status | Notes |
|:--------|:------:|------:|
| Tables | yes | aligned |
| Code | yes | highlighted lazily |

\`\`\`ts
export function greet(name: string): string {
  // Highlighting loads on first use.
  return \`Hello, \${name}!\`;
}
\`\`\`
`;

export const Showcase: Story = {
  args: { children: SHOWCASE },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Streaming-safe markdown');
    await expect(canvas.getAllByRole('columnheader')).toHaveLength(3);
    await waitFor(() => expect(canvasElement.querySelector('.hljs-keyword')).not.toBeNull());
  },
};

export const Streaming: Story = {
  render: () => <StreamDemo text={SHOWCASE + mixedMarkdown(3_000)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Start streaming' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Stream again' })).toBeEnabled(), {
      timeout: 20_000,
    });
    await expect(canvas.getAllByRole('table').length).toBeGreaterThan(1);
    await expect(canvasElement.querySelector('[data-streaming]')).toBeNull();
    await waitFor(() => expect(canvasElement.querySelector('.hljs-keyword')).not.toBeNull());
  },
};

export const LongAnswer: Story = {
  args: { children: mixedMarkdown(8_000) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('heading', { level: 2 }).length).toBeGreaterThan(5);
    await expect(canvas.getAllByRole('button', { name: 'Copy code' }).length).toBeGreaterThan(5);
  },
};

export const DarkMode: Story = {
  args: { children: SHOWCASE },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('.gk-markdown') as HTMLElement;
    await expect(getComputedStyle(root).colorScheme).toBe('dark');
  },
};

export const Pathological: Story = {
  render: () => (
    <div>
      {pathologicalCases.slice(0, 12).map((pathological) => (
        <section key={pathological.name} aria-label={pathological.name}>
          <h2>{pathological.name}</h2>
          <div style={{ maxHeight: '8rem', overflow: 'hidden' }}>
            <Markdown>{pathological.input}</Markdown>
          </div>
        </section>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    for (const section of canvasElement.querySelectorAll('section')) {
      const pathological = pathologicalCases.find((c) => c.name === section.getAttribute('aria-label'));
      await expect(pathological?.check(section.querySelector('.gk-markdown') as HTMLElement)).toBeNull();
    }
  },
};

export const XssCorpus: Story = {
  args: { children: xssCorpus.join('\n\n') },
  play: async ({ canvasElement }) => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect((window as { __gkXss?: number }).__gkXss).toBeUndefined();
    await expect(canvasElement.querySelectorAll('script, iframe, svg')).toHaveLength(0);
    for (const anchor of canvasElement.querySelectorAll('a')) {
      await expect(allowedLinkProtocols.has(new URL(anchor.href).protocol)).toBe(true);
    }
  },
};

import { renderToString } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { GemkitStringsProvider } from '../strings/strings-context';
import { Markdown } from './Markdown';
import { renderMarkdown } from './test/render-markdown';

const CODE =
  '```js\nconst answer = 42; // the answer\nfunction greet(name) {\n  return "hi " + name;\n}\n```';

describe('tables', () => {
  test('render with header cells, alignment and a keyboard-reachable scroller', async () => {
    const screen = await renderMarkdown(
      '| left | right | center |\n|:-----|------:|:------:|\n| a | 1 | x |\n| b | 2 | y |',
    );
    const root = screen.container;
    expect([...root.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['left', 'right', 'center']);
    expect([...root.querySelectorAll('td')].map((td) => td.style.textAlign)).toEqual([
      'left',
      'right',
      'center',
      'left',
      'right',
      'center',
    ]);
    const scroller = root.querySelector('.gk-md-table-wrap');
    expect(scroller?.getAttribute('tabindex')).toBe('0');
    expect(scroller?.getAttribute('aria-label')).toBe('Table');
  });
});

describe('code blocks', () => {
  test('the copy button copies the code and announces it', async () => {
    const screen = await render(
      <>
        <Markdown>{CODE}</Markdown>
        <textarea aria-label="paste here" />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Copied');
    const pasteTarget = screen.getByRole('textbox', { name: 'paste here' });
    await userEvent.click(pasteTarget);
    await userEvent.keyboard('{Control>}v{/Control}');
    await expect.element(pasteTarget).toHaveValue(CODE.split('\n').slice(1, -1).join('\n').concat('\n'));
  });

  test('plain text renders first, then the lazily loaded highlighting swaps in', async () => {
    // The first render (the server's, and the client's before its effects) is plain text: highlighting
    // is an effect, loaded lazily. (Once loaded, an earlier test's highlighter answers within the render.)
    const first = renderToString(<Markdown>{CODE}</Markdown>);
    expect(first).not.toContain('hljs-');
    expect(first).toContain('const answer = 42;');
    const screen = await renderMarkdown(CODE);
    const pre = screen.container.querySelector('pre') as HTMLElement;
    await expect.poll(() => pre.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(pre.dataset.highlighted).toBe('true');
    expect(pre.querySelector('.hljs-comment')?.textContent).toBe('// the answer');
    expect(pre.textContent).toBe(CODE.split('\n').slice(1, -1).join('\n').concat('\n'));
  });

  test('highlighting waits until a streaming block is complete', async () => {
    const screen = await render(<Markdown streaming>{'```js\nconst a = 1;\n'}</Markdown>);
    await screen.rerender(<Markdown streaming>{'```js\nconst a = 1;\n```\n\nDone'}</Markdown>);
    await expect.poll(() => screen.container.querySelector('.hljs-keyword')?.textContent).toBe('const');
  });

  test('a language the highlighter does not know stays plain text', async () => {
    const screen = await renderMarkdown('```klingon\nqapla = 1\n```');
    await expect
      .poll(() => screen.container.querySelector('figure')?.getAttribute('aria-label'))
      .toBe('klingon code');
    expect(screen.container.querySelector('pre code')?.textContent).toBe('qapla = 1\n');
  });
});

describe('localization', () => {
  test('every string comes from the strings provider', async () => {
    const screen = await render(
      <GemkitStringsProvider
        strings={{
          copyCode: 'Code kopieren',
          codeCopied: 'Kopiert',
          opensInNewTab: '(öffnet in neuem Tab)',
          tableRegionLabel: 'Tabelle',
          codeBlockLabel: (language) => `Code (${language || 'Text'})`,
          imageBlocked: (alt) => `[Bild: ${alt}]`,
        }}
      >
        <Markdown>{`${CODE}\n\n[Link](https://example.com)\n\n| a |\n|---|\n| 1 |\n\n![Katze](data:image/png;base64,iVBORw0KGgo=)`}</Markdown>
      </GemkitStringsProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Code kopieren' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Kopiert');
    expect(screen.container.querySelector('a')?.textContent).toBe('Link (öffnet in neuem Tab)');
    expect(screen.container.querySelector('.gk-md-table-wrap')?.getAttribute('aria-label')).toBe('Tabelle');
    expect(screen.container.querySelector('figure')?.getAttribute('aria-label')).toBe('Code (js)');
    expect(screen.container.textContent).toContain('[Bild: Katze]');
  });

  test('providers nest: an inner one overrides only what it names', async () => {
    const screen = await render(
      <GemkitStringsProvider strings={{ copyCode: 'Copier' }}>
        <GemkitStringsProvider strings={{ codeCopied: 'Copié' }}>
          <Markdown>{CODE}</Markdown>
        </GemkitStringsProvider>
      </GemkitStringsProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Copier' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Copié');
  });
});

describe('keyboard', () => {
  test('the copy button and scrollable code are reachable by Tab, with a visible focus ring', async () => {
    const screen = await renderMarkdown(`${CODE}\n\n| a |\n|---|\n| 1 |`);
    await userEvent.tab();
    const button = screen.getByRole('button', { name: 'Copy code' }).element() as HTMLElement;
    expect(document.activeElement).toBe(button);
    expect(getComputedStyle(button).outlineStyle).toBe('solid');
    await userEvent.tab();
    expect(document.activeElement?.tagName).toBe('PRE');
    await userEvent.tab();
    expect(document.activeElement?.classList.contains('gk-md-table-wrap')).toBe(true);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('status')).toHaveTextContent('');
  });
});

describe('styles', () => {
  const colorOf = (element: Element) => getComputedStyle(element).color;

  test('data-theme switches light and dark, on the root or on an ancestor, and nested roots follow', async () => {
    const screen = await render(
      <>
        <div data-theme="light">
          <Markdown className="light">text</Markdown>
        </div>
        <div data-theme="dark">
          <Markdown className="dark">text</Markdown>
        </div>
        <div className="gk-root" data-theme="dark">
          <Markdown className="nested">text</Markdown>
        </div>
      </>,
    );
    const light = screen.container.querySelector('.light') as Element;
    const dark = screen.container.querySelector('.dark') as Element;
    const nested = screen.container.querySelector('.nested') as Element;
    expect(colorOf(light)).toBe('rgb(31, 35, 40)');
    expect(colorOf(dark)).toBe('rgb(230, 237, 243)');
    expect(colorOf(nested)).toBe('rgb(230, 237, 243)');
    expect(getComputedStyle(dark).backgroundColor).toBe('rgb(13, 17, 23)');
  });

  test('variables can be overridden by an app rule on the root', async () => {
    const style = document.createElement('style');
    style.textContent = '.brand { --gk-color-text: rgb(1, 2, 3); }';
    document.head.append(style);
    const screen = await render(<Markdown className="brand">text</Markdown>);
    expect(colorOf(screen.container.querySelector('.brand') as Element)).toBe('rgb(1, 2, 3)');
    style.remove();
  });

  test('nothing outside a .gk-root is styled', async () => {
    const screen = await render(
      <div>
        <p className="outside">plain</p>
        <pre className="outside-pre">x</pre>
        <table className="outside-table">
          <tbody>
            <tr>
              <td className="gk-md-cell">cell</td>
            </tr>
          </tbody>
        </table>
        <button type="button" className="gk-md-copy">
          b
        </button>
        <Markdown>inside</Markdown>
      </div>,
    );
    const root = screen.container;
    const p = root.querySelector('.outside') as Element;
    expect(getComputedStyle(p).marginTop).toBe('16px');
    expect(colorOf(p)).toBe('rgb(0, 0, 0)');
    expect(getComputedStyle(root.querySelector('.outside-pre') as Element).paddingTop).toBe('0px');
    expect(getComputedStyle(root.querySelector('td.gk-md-cell') as Element).borderTopStyle).toBe('none');
    expect(getComputedStyle(root.querySelector('button.gk-md-copy') as Element).backgroundColor).not.toBe(
      'rgba(0, 0, 0, 0)',
    );
    expect(getComputedStyle(document.body).colorScheme).toBe('normal');
  });

  test('reduced motion turns transitions and animations off inside the root', () => {
    const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]);
    const reduced = rules.find(
      (rule): rule is CSSMediaRule =>
        rule instanceof CSSMediaRule && rule.conditionText.includes('prefers-reduced-motion: reduce'),
    );
    expect(reduced?.cssText).toContain('.gk-root');
    expect(reduced?.cssText).toContain('transition-duration: 0.01ms');
    // The chat's streaming dots, thinking pulse and dialog fade are animations.
    expect(reduced?.cssText).toContain('animation-duration: 0.01ms');
    expect(reduced?.cssText).toContain('animation-iteration-count: 1');
  });
});

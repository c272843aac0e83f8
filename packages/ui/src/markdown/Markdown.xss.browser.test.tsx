import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { renderMarkdown, streamMarkdown } from './test/render-markdown';
import { allowedImageProtocols, allowedLinkProtocols, xssCorpus } from './test/xss-corpus';

declare global {
  interface Window {
    __gkXss?: number;
  }
}

beforeEach(() => {
  window.__gkXss = undefined;
});

afterEach(async () => {
  // Give any event handler (onerror, onload, ontoggle) a chance to fire before judging.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(window.__gkXss).toBeUndefined();
});

function expectSafeDom(root: HTMLElement) {
  expect(root.querySelectorAll('script, iframe, object, embed, svg, details, form, style')).toHaveLength(0);
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) expect(attribute.name).not.toMatch(/^on/i);
  }
  for (const anchor of root.querySelectorAll('a')) {
    expect(allowedLinkProtocols.has(new URL(anchor.href).protocol), anchor.href).toBe(true);
    expect(anchor.target).toBe('_blank');
    expect(anchor.rel.split(' ').sort()).toEqual(['nofollow', 'noopener', 'noreferrer']);
  }
  for (const image of root.querySelectorAll('img')) {
    expect(allowedImageProtocols.has(new URL(image.src).protocol), image.src).toBe(true);
  }
  // Text may mention `src="javascript:…"` (it is escaped); attributes may not carry such a URL.
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.value).not.toMatch(/^\s*(?:javascript|vbscript|data|file|blob):/i);
    }
  }
}

describe('untrusted markdown cannot run script (XSS corpus)', () => {
  test.each(xssCorpus.map((payload) => [payload]))('finished: %s', async (payload) => {
    const screen = await renderMarkdown(payload);
    expectSafeDom(screen.container);
  });

  test.each(xssCorpus.map((payload) => [payload]))('mid-stream: %s', async (payload) => {
    // Every prefix is rendered: unfinished syntax is completed for display, and must stay safe.
    const { screen } = await streamMarkdown(payload, 1);
    expectSafeDom(screen.container);
  });

  test('all payloads in one document, rendered and streamed', async () => {
    const all = xssCorpus.join('\n\n');
    expectSafeDom((await renderMarkdown(all)).container);
    expectSafeDom((await streamMarkdown(all, 7)).screen.container);
  });

  test('raw HTML is shown as text, not parsed', async () => {
    const screen = await renderMarkdown('<b>bold?</b> <img src=x onerror="window.__gkXss=1">');
    expect(screen.container.querySelector('b')).toBeNull();
    expect(screen.container.textContent).toContain('<b>bold?</b>');
  });

  test('a refused link keeps its text; a refused image shows its alt text', async () => {
    const screen = await renderMarkdown('[click me](javascript:alert(1)) and ![a cat](javascript:alert(1))');
    expect(screen.container.querySelector('a')).toBeNull();
    expect(screen.container.textContent).toContain('click me');
    const blocked = await renderMarkdown('![a cat](data:image/png;base64,iVBORw0KGgo=)');
    expect(blocked.container.querySelector('img')).toBeNull();
    expect(blocked.container.textContent).toContain('[image: a cat]');
  });

  test('safe links open in a new tab without referrer or opener', async () => {
    const screen = await renderMarkdown(
      '[docs](https://example.com/a?b=1) <https://example.com> [mail](mailto:a@b.c) [rel](/local/path)',
    );
    const anchors = [...screen.container.querySelectorAll('a')];
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/a?b=1',
      'https://example.com',
      'mailto:a@b.c',
      '/local/path',
    ]);
    for (const anchor of anchors) expect(anchor.rel).toBe('noopener noreferrer nofollow');
  });
});

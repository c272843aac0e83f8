import type { ComponentType } from 'react';
import { describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-react';
import * as ui from '../index';
import type { IconProps } from './icons';

/** Every icon @gemkit/ui exports, by name (the `…Icon` exports besides the `Icon` frame). */
const icons = Object.entries(ui).filter(([name]) => name !== 'Icon' && name.endsWith('Icon')) as [
  string,
  ComponentType<IconProps>,
][];

describe('the exported icons', () => {
  test('are all the icons the components draw', () => {
    expect(icons.map(([name]) => name).sort()).toEqual([
      'AlertIcon',
      'ArrowDownIcon',
      'AttachIcon',
      'ChatIcon',
      'CheckIcon',
      'ChevronDownIcon',
      'ChevronLeftIcon',
      'ChevronRightIcon',
      'CloseIcon',
      'CopyIcon',
      'EditIcon',
      'FileIcon',
      'NewChatIcon',
      'RegenerateIcon',
      'SendIcon',
      'SettingsIcon',
      'SparkIcon',
      'StopIcon',
      'UsageIcon',
    ]);
  });

  test.each(icons)(
    '%s draws a decorative svg in the frame, at its size or the one asked for',
    async (_name, Drawn) => {
      const screen = await render(
        <div>
          <Drawn />
          <Drawn size={40} />
        </div>,
      );
      const [own, asked] = [...screen.container.querySelectorAll('svg')];
      for (const svg of [own, asked]) {
        expect(svg?.getAttribute('aria-hidden')).toBe('true');
        expect(svg?.getAttribute('focusable')).toBe('false');
        expect(svg?.getAttribute('viewBox')).toBe('0 0 24 24');
        expect(svg?.classList.contains('gk-icon')).toBe(true);
        expect(svg?.childElementCount).toBeGreaterThan(0);
      }
      expect([16, 18, 24]).toContain(Number(own?.getAttribute('width')));
      expect(asked?.getAttribute('width')).toBe('40');
      expect(asked?.getAttribute('height')).toBe('40');
    },
  );

  test('the Icon frame takes an app’s own drawing', async () => {
    const screen = await render(
      <ui.Icon size={20}>
        <circle cx="12" cy="12" r="4" />
      </ui.Icon>,
    );
    const svg = screen.container.querySelector('svg');
    expect(svg?.getAttribute('width')).toBe('20');
    expect(svg?.getAttribute('stroke')).toBe('currentColor');
    expect(svg?.querySelector('circle')).not.toBeNull();
  });
});

/**
 * Every user-visible string of @gemkit/ui, in one place so an app can localize all of them. Strings
 * that embed a value are functions. Later components add their strings here.
 */
export interface GemkitStrings {
  /** Accessible label of a code block's copy button. */
  copyCode: string;
  /** Announced (and shown) after the code was copied. */
  codeCopied: string;
  /** Announced (and shown) when the clipboard refused the copy. */
  codeCopyFailed: string;
  /** Label of a code block without a language, and the accessible name of every code block. */
  codeBlockLabel: (language: string) => string;
  /** Appended for screen readers to links, which open in a new tab. */
  opensInNewTab: string;
  /** Accessible name of the scrollable region around a table. */
  tableRegionLabel: string;
  /** Shown, with the alt text, instead of an image whose address is not allowed. */
  imageBlocked: (alt: string) => string;
}

export const defaultStrings: GemkitStrings = {
  copyCode: 'Copy code',
  codeCopied: 'Copied',
  codeCopyFailed: 'Copy failed',
  codeBlockLabel: (language) => (language ? `${language} code` : 'Code'),
  opensInNewTab: '(opens in a new tab)',
  tableRegionLabel: 'Table',
  imageBlocked: (alt) => (alt ? `[image: ${alt}]` : '[image]'),
};

/**
 * How every test here launches a browser: Debian's Chromium (prebuilt browsers cannot be downloaded on these
 * machines), overridable with CHROMIUM_PATH, with the flags that stop it from calling hosts that never answer.
 * See /work/shared/TOOLCHAIN.md.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

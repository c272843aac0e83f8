/** What an id is for; a custom generator may use it to make ids readable in tests. */
export type IdKind = 'interaction' | 'file' | 'upload';

const PREFIX: Readonly<Record<IdKind, string>> = {
  interaction: 'v1_',
  file: '',
  upload: 'up_',
};

function randomHex(): string {
  // randomUUID needs a secure context in browsers; getRandomValues does not.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replaceAll('-', '');
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function defaultIdGenerator(kind: IdKind): string {
  const hex = randomHex();
  // File ids are short lowercase tokens, like the API's `files/abc123xyz`.
  return kind === 'file' ? hex.slice(0, 12) : `${PREFIX[kind]}${hex.slice(0, 24)}`;
}

/**
 * Current Gemini text models. Short on purpose: a leaked route should not be able to run the most expensive
 * models (or image/audio/agent ones) unless the app says so with `allowedModels`.
 */
export const DEFAULT_ALLOWED_MODELS: readonly string[] = [
  'gemini-3-flash-preview',
  'gemini-3.1-pro-preview',
  'gemini-3.1-flash-lite',
  'gemini-3.5-flash',
  'gemini-3.5-flash-lite',
  'gemini-2.5-flash',
  'gemini-2.5-flash-lite',
  'gemini-2.5-pro',
  'gemini-flash-latest',
  'gemini-flash-lite-latest',
];

export type ModelAllowlist = readonly string[] | '*' | ((model: string) => boolean);

/** The API takes `gemini-x` and `models/gemini-x` alike; so does the allowlist. */
export function isAllowed(name: string, allowlist: ModelAllowlist): boolean {
  if (allowlist === '*') return true;
  const bare = name.startsWith('models/') ? name.slice('models/'.length) : name;
  if (typeof allowlist === 'function') return allowlist(bare);
  return allowlist.includes(bare);
}

/**
 * The models the API knows, as listed by the official SDK's `Model_2` type (@google/genai 3.1).
 * A create naming any other model gets 404 NOT_FOUND, as from the real API; add your own with
 * the `models` option.
 */
export const KNOWN_MODELS: readonly string[] = [
  'gemma-4-26b-a4b-it',
  'gemma-4-31b-it',
  'gemini-flash-latest',
  'gemini-flash-lite-latest',
  'gemini-pro-latest',
  'gemini-2.5-flash',
  'gemini-2.5-pro',
  'gemini-2.5-flash-lite',
  'gemini-3.5-flash-lite',
  'gemini-2.5-flash-image',
  'gemini-3-flash-preview',
  'gemini-3.1-pro-preview',
  'gemini-3.1-pro-preview-customtools',
  'gemini-3.1-flash-lite',
  'gemini-3.1-flash-lite-image',
  'gemini-3-pro-image',
  'nano-banana-pro-preview',
  'gemini-3.1-flash-image',
  'gemini-nano-banana-2.1',
  'gemini-3.1-flash-tts-preview',
  'gemini-3.5-flash',
  'gemini-3.6-flash',
  'gemini-3.7-flash',
  'gemini-3.8-flash',
  'gemini-4-argon',
  'gemini-4-carbon',
  'gemini-3.8-flash-tts',
  'gemini-3.8-flash-lite-tts',
  'gemini-3.5-transcribe',
  'lyria-3-clip-preview',
  'lyria-3-pro-preview',
  'gemini-robotics-er-1.6-preview',
  'gemini-robotics-er-2-preview',
  'lyria-3.5',
  'gemini-omni-1.2-flash',
  'gemini-omni-1.1-flash',
  'gemini-omni-flash-preview',
];

/** The API accepts a model with or without its resource prefix (`models/gemini-…`). */
export function normalizeModelName(model: string): string {
  return model.startsWith('models/') ? model.slice('models/'.length) : model;
}

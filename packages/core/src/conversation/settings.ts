import type { CreateInteractionRequest } from '../wire/index.js';

/**
 * The request fields an app sets once (per provider, hook or conversation) and may override per call.
 * They keep the API's snake_case names so they read exactly as the API documents them.
 */
export type RequestSettings = Partial<
  Pick<
    CreateInteractionRequest,
    | 'model'
    | 'system_instruction'
    | 'generation_config'
    | 'tools'
    | 'response_modalities'
    | 'labels'
    | 'stream'
    | 'store'
    | 'background'
  >
>;

/** Later settings win; `generation_config` is merged field by field so an override can change one knob. */
export function mergeSettings(...layers: (RequestSettings | undefined)[]): RequestSettings {
  const merged: RequestSettings = {};
  for (const layer of layers) {
    if (!layer) continue;
    const previousConfig = merged.generation_config;
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
    if (layer.generation_config) {
      merged.generation_config = { ...previousConfig, ...layer.generation_config };
    }
  }
  return merged;
}

const SETTING_KEYS = [
  'model',
  'system_instruction',
  'generation_config',
  'tools',
  'response_modalities',
  'labels',
  'stream',
  'store',
  'background',
] as const satisfies readonly (keyof RequestSettings)[];

/** Only the request fields that are set, whatever else the options object holds (callbacks, the client, …). */
export function pickSettings(options: RequestSettings): RequestSettings {
  return Object.fromEntries(
    SETTING_KEYS.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]),
  ) as RequestSettings;
}

/**
 * Every request field named, the unset ones as `undefined`. `setOptions` merges, so this is how a binding
 * (a hook re-rendered with fewer settings) replaces the settings: a field the app removed is not sent again.
 */
export function completeSettings(settings: RequestSettings): RequestSettings {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, settings[key]])) as RequestSettings;
}

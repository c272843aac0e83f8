import type { ConversationMode, RequestSettings } from '@gemkit/react';

/**
 * The settings the settings dialog edits: a subset of `useConversation`'s options, in its names, so
 * they spread straight into the hook: `useConversation({ ...settings })`.
 */
export interface ChatSettings {
  model?: string | undefined;
  system_instruction?: string | undefined;
  /** `temperature`, `thinking_level` and `thinking_summaries` are edited; other fields are kept. */
  generation_config?: RequestSettings['generation_config'];
  mode?: ConversationMode | undefined;
}

export const THINKING_LEVELS = ['minimal', 'low', 'medium', 'high'] as const;

/** The dialog's form values, as strings and flags, from the settings. */
export interface SettingsForm {
  model: string;
  systemInstruction: string;
  temperature: string;
  thinkingLevel: string;
  thinkingSummaries: boolean;
  mode: ConversationMode;
}

export function toForm(settings: ChatSettings): SettingsForm {
  const config = settings.generation_config ?? {};
  return {
    model: settings.model ?? '',
    systemInstruction: settings.system_instruction ?? '',
    temperature: typeof config.temperature === 'number' ? String(config.temperature) : '',
    thinkingLevel: typeof config.thinking_level === 'string' ? config.thinking_level : '',
    thinkingSummaries: config.thinking_summaries === 'auto',
    mode: settings.mode ?? 'stateful',
  };
}

/**
 * The settings a saved form stands for. Empty fields drop their setting (the model's default applies);
 * generation settings the dialog does not show are kept as they were.
 */
export function fromForm(form: SettingsForm, previous: ChatSettings): ChatSettings {
  const config: NonNullable<ChatSettings['generation_config']> = { ...previous.generation_config };
  const temperature = form.temperature.trim() === '' ? Number.NaN : Number(form.temperature);
  if (Number.isFinite(temperature)) config.temperature = temperature;
  else delete config.temperature;
  if (form.thinkingLevel) config.thinking_level = form.thinkingLevel;
  else delete config.thinking_level;
  if (form.thinkingSummaries) config.thinking_summaries = 'auto';
  else if (previous.generation_config?.thinking_summaries !== undefined) config.thinking_summaries = 'none';
  const next: ChatSettings = { ...previous, mode: form.mode };
  if (form.model.trim()) next.model = form.model.trim();
  else delete next.model;
  if (form.systemInstruction.trim()) next.system_instruction = form.systemInstruction;
  else delete next.system_instruction;
  if (Object.keys(config).length > 0) next.generation_config = config;
  else delete next.generation_config;
  return next;
}

import { createClient, type GemkitClient, type RequestSettings, type Schedule } from '@gemkit/core';
import { type ReactNode, useMemo } from 'react';
import { DEFAULT_ROUTE, GemkitContext, type GemkitContextValue } from './context.js';

export interface GemkitProviderProps {
  /** A ready client; else one is made for `baseUrl`. */
  client?: GemkitClient;
  /** The app's server route that forwards to Gemini (default `/api/gemini`). */
  baseUrl?: string;
  /** Headers for every request of the client made here (a CSRF token, say). */
  headers?: Record<string, string>;
  /** The default model for every hook below. */
  model?: string;
  /** Default request settings for every hook below, in the API's names (`system_instruction`, …). */
  settings?: Omit<RequestSettings, 'model'>;
  /** When hooks below re-render during streaming (default: once per animation frame). */
  schedule?: Schedule;
  children?: ReactNode;
}

/** Gives the hooks below it a client, a default model and default settings. Optional: hooks work without it. */
export function GemkitProvider({
  client,
  baseUrl = DEFAULT_ROUTE,
  headers,
  model,
  settings,
  schedule,
  children,
}: GemkitProviderProps) {
  const headersKey = JSON.stringify(headers ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: headers are compared by value, not identity.
  const resolvedClient = useMemo(
    () => client ?? createClient({ baseUrl, headers }),
    [client, baseUrl, headersKey],
  );
  const settingsKey = JSON.stringify(settings ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: settings are compared by value, not identity.
  const value = useMemo<GemkitContextValue>(
    () => ({ client: resolvedClient, settings: { ...settings, ...(model ? { model } : {}) }, schedule }),
    [resolvedClient, settingsKey, model, schedule],
  );
  return <GemkitContext.Provider value={value}>{children}</GemkitContext.Provider>;
}

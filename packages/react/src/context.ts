import { createClient, type GemkitClient, type RequestSettings, type Schedule } from '@gemkit/core';
import { createContext, useContext } from 'react';

/** What a GemkitProvider gives the hooks below it. */
export interface GemkitContextValue {
  client: GemkitClient;
  /** Default request settings (model, system_instruction, generation_config, …) for every hook below. */
  settings: RequestSettings;
  schedule: Schedule | undefined;
}

export const GemkitContext = createContext<GemkitContextValue | undefined>(undefined);

/** The server route a browser app talks to when nothing else is said. */
export const DEFAULT_ROUTE = '/api/gemini';

let defaultClient: GemkitClient | undefined;

/** The client a hook uses: its own, the provider's, or one for the default route (created on first use). */
export function useResolvedContext(client: GemkitClient | undefined): GemkitContextValue {
  const context = useContext(GemkitContext);
  if (client) return { client, settings: context?.settings ?? {}, schedule: context?.schedule };
  if (context) return context;
  defaultClient ??= createClient({ baseUrl: DEFAULT_ROUTE });
  return { client: defaultClient, settings: {}, schedule: undefined };
}

/** The provider's value, or undefined outside a GemkitProvider. */
export function useGemkit(): GemkitContextValue | undefined {
  return useContext(GemkitContext);
}

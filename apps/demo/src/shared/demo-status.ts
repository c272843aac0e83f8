/** Where the demo's server route sends requests: the embedded emulator (no key) or Google's Gemini API. */
export type UpstreamKind = 'emulator' | 'gemini';

/** What `GET /api/demo/status` answers: enough for the page to say where answers come from. Never a key. */
export interface DemoStatus {
  upstream: UpstreamKind;
  /** The models the route allows, for the settings dialog. */
  models: string[];
  /** The model a new conversation starts with. */
  defaultModel: string;
}

export const DEMO_STATUS_PATH = '/api/demo/status';
export const GEMINI_ROUTE_PATH = '/api/gemini';
export const DEFAULT_MODEL = 'gemini-3-flash-preview';

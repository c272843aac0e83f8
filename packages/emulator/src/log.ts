/** One received request, as `emulator.requests` lists it. */
export interface LoggedRequest {
  method: string;
  /** The path after any `basePath`, e.g. `/v1beta/interactions`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased names; credentials replaced by `[redacted]`. */
  headers: Record<string, string>;
  /** The JSON body parsed; other bodies as `{bytes: n}`; undefined when empty. */
  body: unknown;
  time: string;
}

const SECRET_HEADERS = new Set(['x-goog-api-key', 'authorization', 'cookie', 'proxy-authorization']);
const SECRET_QUERY = new Set(['key', 'api_key', 'access_token']);
export const REDACTED = '[redacted]';

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  });
  return out;
}

export function redactQuery(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  params.forEach((value, name) => {
    out[name] = SECRET_QUERY.has(name) ? REDACTED : value;
  });
  return out;
}

/** The last `limit` requests, oldest first. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly limit: number) {}

  add(entry: LoggedRequest): void {
    if (this.limit <= 0) return;
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(): readonly LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

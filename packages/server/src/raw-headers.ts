/** What the route reads of a set of headers: one value by name. `Headers` is one. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * `get` as `Headers` answers it (names in any case, repeated values joined with `, `), over node:http's
 * raw `[name, value, …]` list, indexed on first use: a `Headers` validates and copies every header up
 * front, which on the route's path to the first byte costs more than the few it ever reads.
 */
export class RawHeaders implements HeaderReader {
  private byName: Map<string, string> | undefined;

  constructor(private readonly raw: readonly string[]) {}

  get(name: string): string | null {
    this.byName ??= index(this.raw);
    return this.byName.get(name.toLowerCase()) ?? null;
  }
}

function index(raw: readonly string[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    // HTTP/2 pseudo-headers (`:path`, …) are not headers.
    if (name.startsWith(':')) continue;
    const value = raw[i + 1] as string;
    const before = byName.get(name);
    byName.set(name, before === undefined ? value : `${before}, ${value}`);
  }
  return byName;
}

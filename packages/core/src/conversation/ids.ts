let counter = 0;

/** Unique enough for message ids within and across page loads, without needing a secure context. */
export function createId(prefix: string): string {
  counter = (counter + 1) % 1_000_000;
  return `${prefix}_${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

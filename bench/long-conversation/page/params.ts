/** The page's query: `?messages=1000` (default 1000). */
export function messageCount(): number {
  const value = Number(new URLSearchParams(location.search).get('messages') ?? 1000);
  if (!Number.isInteger(value) || value < 2) throw new RangeError(`?messages must be an even integer ≥ 2`);
  return value;
}

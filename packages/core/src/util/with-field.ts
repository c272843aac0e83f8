/**
 * A copy of `object` with one field set. Spreading and then assigning is measurably faster in V8 than
 * `{ ...object, [key]: value }` (bench/decode: the reducer's hot path makes four such copies per delta).
 */
export function withField<T extends object, K extends keyof T>(object: T, key: K, value: T[K]): T {
  const copy = { ...object };
  copy[key] = value;
  return copy;
}

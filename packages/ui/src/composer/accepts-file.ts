/**
 * Whether a file matches an `<input accept>` list ("image/*,application/pdf,.md"): the picker filters
 * by it, but paste and drop do not, so the composer checks them with the same rule.
 */
export function acceptsFile(accept: string, file: { name: string; type: string }): boolean {
  const patterns = accept
    .split(',')
    .map((pattern) => pattern.trim().toLowerCase())
    .filter(Boolean);
  if (patterns.length === 0) return true;
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  return patterns.some((pattern) => {
    if (pattern.startsWith('.')) return name.endsWith(pattern);
    if (pattern.endsWith('/*')) return type.startsWith(pattern.slice(0, -1));
    return type === pattern;
  });
}

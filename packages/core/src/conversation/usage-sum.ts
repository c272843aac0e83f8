import type { ModalityTokens, Usage } from '../wire/index.js';

const TOTALS = [
  'total_input_tokens',
  'total_output_tokens',
  'total_thought_tokens',
  'total_cached_tokens',
  'total_tool_use_tokens',
  'total_tokens',
  'initial_input_tokens',
] as const;

const BY_MODALITY = [
  'input_tokens_by_modality',
  'output_tokens_by_modality',
  'cached_tokens_by_modality',
  'tool_use_tokens_by_modality',
] as const;

/**
 * The usage of two requests together: a turn that sent function results back made one request per round, each
 * counted (and billed) on its own. Counts are added, per modality and per grounding tool where given; a count
 * neither reports stays absent. Either side may be missing (a round still streaming has no usage yet).
 */
export function addUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
  if (!a || !b) return a ?? b;
  const sum: Usage = {};
  for (const key of TOTALS) {
    if (a[key] !== undefined || b[key] !== undefined) sum[key] = (a[key] ?? 0) + (b[key] ?? 0);
  }
  for (const key of BY_MODALITY) {
    if (a[key] || b[key]) sum[key] = mergeCounts(a[key], b[key], 'modality', 'tokens') as ModalityTokens[];
  }
  if (a.grounding_tool_count || b.grounding_tool_count) {
    sum.grounding_tool_count = mergeCounts(
      a.grounding_tool_count,
      b.grounding_tool_count,
      'type',
      'count',
    ) as Usage['grounding_tool_count'];
  }
  return sum;
}

function mergeCounts<K extends string, C extends string>(
  a: Partial<Record<K | C, unknown>>[] | undefined,
  b: Partial<Record<K | C, unknown>>[] | undefined,
  keyField: K,
  countField: C,
): Record<K | C, unknown>[] {
  const merged = new Map<unknown, number>();
  for (const entry of [...(a ?? []), ...(b ?? [])]) {
    const count = typeof entry[countField] === 'number' ? (entry[countField] as number) : 0;
    merged.set(entry[keyField], (merged.get(entry[keyField]) ?? 0) + count);
  }
  return [...merged].map(
    ([key, count]) => ({ [keyField]: key, [countField]: count }) as Record<K | C, unknown>,
  );
}

'use client';
import type { ModelMessage } from '@gemkit/react';
import { useGemkitStrings } from '../strings/strings-context';

type Usage = NonNullable<ModelMessage['usage']>;

/** A turn's token counts, as the API reported them. */
export function UsageDetails({ usage, id }: { usage: Usage; id?: string }) {
  const strings = useGemkitStrings();
  const rows: [string, number | undefined][] = [
    [strings.usageInput, usage.total_input_tokens],
    [strings.usageOutput, usage.total_output_tokens],
    [strings.usageThoughts, usage.total_thought_tokens],
    [strings.usageCached, usage.total_cached_tokens],
    [strings.usageTotal, usage.total_tokens],
  ];
  return (
    <dl className="gk-usage" id={id}>
      {rows
        .filter((row): row is [string, number] => typeof row[1] === 'number')
        .map(([label, count]) => (
          <div key={label} className="gk-usage-row">
            <dt>{label}</dt>
            <dd>{strings.tokens(count)}</dd>
          </div>
        ))}
    </dl>
  );
}

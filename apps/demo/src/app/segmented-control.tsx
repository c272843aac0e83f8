import type { ReactNode } from 'react';

export interface SegmentedOption<T extends string> {
  value: T;
  /** Shown; with `icon`, the accessible name only. */
  label: string;
  /** Tooltip. */
  hint?: string;
  icon?: ReactNode;
}

/** A row of mutually exclusive buttons (a radio group): the mode switch, the theme choice. */
export function SegmentedControl<T extends string>({
  label,
  options,
  value,
  onChange,
  className = 'demo-segmented',
}: {
  label: string;
  options: readonly SegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
}) {
  return (
    <div className={className} role="radiogroup" aria-label={label}>
      {options.map((option) => (
        // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons, as in most apps.
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={value === option.value}
          aria-label={option.icon ? option.label : undefined}
          title={option.hint ?? (option.icon ? option.label : undefined)}
          onClick={() => onChange(option.value)}
        >
          {option.icon ?? option.label}
        </button>
      ))}
    </div>
  );
}

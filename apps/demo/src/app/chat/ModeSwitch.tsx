import type { ConversationMode } from '@gemkit/react';

const MODES: { value: ConversationMode; label: string; hint: string }[] = [
  {
    value: 'stateful',
    label: 'Stateful',
    hint: 'The server keeps the history: each turn sends previous_interaction_id.',
  },
  {
    value: 'stateless',
    label: 'Stateless',
    hint: 'Nothing is stored on the server (store: false): this browser sends the whole history as steps.',
  },
];

/** Stateful or stateless multi-turn, switchable at any time: the next turn uses the new mode. */
export function ModeSwitch({
  mode,
  onChange,
}: {
  mode: ConversationMode;
  onChange: (mode: ConversationMode) => void;
}) {
  return (
    <div className="demo-segmented" role="radiogroup" aria-label="Multi-turn mode">
      {MODES.map(({ value, label, hint }) => (
        // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons, as in most apps.
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={mode === value}
          title={hint}
          onClick={() => onChange(value)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

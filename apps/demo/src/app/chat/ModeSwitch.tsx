import type { ConversationMode } from '@gemkit/react';
import { SegmentedControl, type SegmentedOption } from '../segmented-control';

const MODES: SegmentedOption<ConversationMode>[] = [
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
  return <SegmentedControl label="Multi-turn mode" options={MODES} value={mode} onChange={onChange} />;
}

import type { UpstreamKind } from '../../shared/demo-status';
import { LogoMark } from '../icons';

interface Suggestion {
  label: string;
  prompt: string;
}

const SUGGESTIONS: Suggestion[] = [
  {
    label: 'Explain streaming',
    prompt: 'Explain how an answer streams from the Interactions API, step by step.',
  },
  { label: 'Write a haiku', prompt: 'Write a haiku about TypeScript.' },
  { label: 'Compare in a table', prompt: 'Compare the Nile, the Amazon and the Yangtze in a table.' },
];

/** The emulator's directive for a long answer: something to press Stop on. */
const LONG_ANSWER: Suggestion = {
  label: 'A long answer, to try Stop',
  prompt: '[emulator: words=1500] Tell me everything about rivers.',
};

/** What a new chat shows: what this is, and a few things to try with one click. */
export function EmptyState({
  upstream,
  onPick,
}: {
  upstream: UpstreamKind | undefined;
  onPick: (prompt: string) => void;
}) {
  const suggestions = upstream === 'emulator' ? [...SUGGESTIONS, LONG_ANSWER] : SUGGESTIONS;
  return (
    <div className="demo-empty">
      <LogoMark size={44} />
      <h2 className="demo-empty-title">What shall we try?</h2>
      <p className="demo-empty-text">
        {upstream === 'emulator'
          ? 'Answers come from the built-in emulator: deterministic markdown that shows what it received, streamed like Gemini streams it. Attach an image, switch modes, open the inspector.'
          : 'Ask anything. Attach an image or a PDF, switch between stateful and stateless, open the inspector to watch the events.'}
      </p>
      <div className="demo-suggestions">
        {suggestions.map(({ label, prompt }) => (
          <button key={label} type="button" className="demo-suggestion" onClick={() => onPick(prompt)}>
            <span className="demo-suggestion-label">{label}</span>
            <span className="demo-suggestion-prompt">{prompt}</span>
          </button>
        ))}
      </div>
    </div>
  );
}

import type { UpstreamKind } from '../../shared/demo-status';

const DESCRIPTIONS: Record<UpstreamKind, { label: string; title: string }> = {
  emulator: {
    label: 'Emulator',
    title:
      'Answers come from the embedded Gemkit emulator: no API key, no network. Set GEMINI_API_KEY on the server to use Gemini.',
  },
  gemini: {
    label: 'Gemini API',
    title: 'Answers come from the Gemini API, with the key held by the server.',
  },
};

/** Says where answers come from, so nobody mistakes the emulator's answers for Gemini's. */
export function UpstreamBadge({ upstream }: { upstream: UpstreamKind | undefined }) {
  if (!upstream) return null;
  const { label, title } = DESCRIPTIONS[upstream];
  return (
    <span className="demo-badge" data-upstream={upstream} title={title}>
      <span className="demo-badge-dot" aria-hidden="true" />
      {label}
      <span className="demo-visually-hidden">: {title}</span>
    </span>
  );
}

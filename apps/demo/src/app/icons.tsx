// The demo's own icons, for its app chrome (sidebar, theme, inspector, header). They draw in
// @gemkit/ui's icon frame, so they match the chat's icons beside them; the chat's icons themselves
// (close, chevrons, edit, new chat) come from @gemkit/ui as they are.
import { Icon } from '@gemkit/ui';

export const TrashIcon = () => (
  <Icon size={16}>
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />
  </Icon>
);
export const SunIcon = () => (
  <Icon size={16}>
    <circle cx="12" cy="12" r="4" />
    <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
  </Icon>
);
export const MoonIcon = () => (
  <Icon size={16}>
    <path d="M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z" />
  </Icon>
);
export const MonitorIcon = () => (
  <Icon size={16}>
    <rect x="3" y="4" width="18" height="12" rx="2" />
    <path d="M8 20h8M12 16v4" />
  </Icon>
);
export const PanelIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M15 4v16" />
    <path d="M17.5 8.5h1M17.5 11.5h1" />
  </Icon>
);
export const TuneIcon = () => (
  <Icon>
    <path d="M4.5 17a8 8 0 1 1 15 0" />
    <path d="M12 13l3.5-4" />
    <circle cx="12" cy="13.5" r="1.3" />
    <path d="M6.5 17h11" />
  </Icon>
);
export const MenuIcon = () => (
  <Icon>
    <path d="M4 6h16M4 12h16M4 18h16" />
  </Icon>
);
export const ExternalIcon = () => (
  <Icon size={14}>
    <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
  </Icon>
);

/** The Gemkit mark: a four-pointed spark, as Gemini's, in a rounded square. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="demo-logo-gradient" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#4f8cff" />
          <stop offset="0.55" stopColor="#8a5cf6" />
          <stop offset="1" stopColor="#e0569b" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="9" fill="url(#demo-logo-gradient)" />
      <path
        d="M16 6c.9 5.2 4.8 9.1 10 10-5.2.9-9.1 4.8-10 10-.9-5.2-4.8-9.1-10-10 5.2-.9 9.1-4.8 10-10z"
        fill="#fff"
      />
    </svg>
  );
}

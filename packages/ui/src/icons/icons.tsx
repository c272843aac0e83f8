import type { ReactNode } from 'react';

/**
 * Inline icons: a few strokes each, drawn in `currentColor`, hidden from assistive technology (every
 * button that shows one has a text label or an aria-label). No icon library: they would cost more
 * bytes than the whole chat. Exported, so that an app's own buttons beside the chat's match them.
 */

export interface IconProps {
  /** Width and height in CSS pixels; each icon has its own default (16, 18 or 24). */
  size?: number;
}

/** The frame every icon draws in: a 24×24 view box, round 2-unit strokes in `currentColor`. */
export function Icon({ size = 18, children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      className="gk-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** An icon component: this drawing in the frame, at `defaultSize` unless its `size` prop says otherwise. */
function drawn(defaultSize: number, drawing: ReactNode) {
  return ({ size = defaultSize }: IconProps) => <Icon size={size}>{drawing}</Icon>;
}

export const SendIcon = drawn(18, <path d="M12 19V5M5 12l7-7 7 7" />);

export const StopIcon = drawn(18, <rect x="6" y="6" width="12" height="12" rx="2" fill="currentColor" />);

export const AttachIcon = drawn(
  18,
  <path d="M21 11.5 12.5 20a5 5 0 0 1-7-7L14 4.5a3.5 3.5 0 0 1 5 5L10.5 18a2 2 0 0 1-3-3L15 7.5" />,
);

export const CopyIcon = drawn(
  16,
  <>
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
  </>,
);

export const CheckIcon = drawn(16, <path d="M5 12.5 10 17l9-10" />);

export const RegenerateIcon = drawn(16, <path d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7" />);

export const EditIcon = drawn(16, <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4Z" />);

export const ChevronLeftIcon = drawn(16, <path d="m15 6-6 6 6 6" />);

export const ChevronRightIcon = drawn(16, <path d="m9 6 6 6-6 6" />);

export const ChevronDownIcon = drawn(16, <path d="m6 9 6 6 6-6" />);

export const ArrowDownIcon = drawn(16, <path d="M12 5v14M5 12l7 7 7-7" />);

export const UsageIcon = drawn(16, <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />);

export const SettingsIcon = drawn(
  18,
  <>
    <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
    <circle cx="15" cy="7" r="2" />
    <circle cx="9" cy="17" r="2" />
  </>,
);

export const NewChatIcon = drawn(18, <path d="M12 5v14M5 12h14" />);

export const CloseIcon = drawn(18, <path d="M6 6l12 12M18 6 6 18" />);

export const ChatIcon = drawn(24, <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z" />);

export const SparkIcon = drawn(
  16,
  <path d="M12 3c.5 4.5 4 8 8.5 8.5-4.5.5-8 4-8.5 8.5-.5-4.5-4-8-8.5-8.5C8 11 11.5 7.5 12 3Z" />,
);

export const AlertIcon = drawn(16, <path d="M12 3 2 20h20L12 3ZM12 10v4M12 17h.01" />);

export const FileIcon = drawn(
  18,
  <path d="M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8l-5-5ZM14 3v5h5" />,
);

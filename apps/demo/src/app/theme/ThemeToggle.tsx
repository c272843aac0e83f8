import { MonitorIcon, MoonIcon, SunIcon } from '../icons';
import { SegmentedControl, type SegmentedOption } from '../segmented-control';
import { type ThemeChoice, useThemeChoice } from './theme';

const CHOICES: SegmentedOption<ThemeChoice>[] = [
  { value: 'system', label: 'System theme', icon: <MonitorIcon /> },
  { value: 'light', label: 'Light theme', icon: <SunIcon /> },
  { value: 'dark', label: 'Dark theme', icon: <MoonIcon /> },
];

/** Follow the system, or force light or dark. */
export function ThemeToggle() {
  const [choice, setChoice] = useThemeChoice();
  return (
    <SegmentedControl
      className="demo-theme-toggle"
      label="Theme"
      options={CHOICES}
      value={choice}
      onChange={setChoice}
    />
  );
}

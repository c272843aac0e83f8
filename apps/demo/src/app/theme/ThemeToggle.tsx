import { MonitorIcon, MoonIcon, SunIcon } from '../icons';
import { type ThemeChoice, useThemeChoice } from './theme';

const CHOICES: { value: ThemeChoice; label: string; Icon: () => React.JSX.Element }[] = [
  { value: 'system', label: 'System theme', Icon: MonitorIcon },
  { value: 'light', label: 'Light theme', Icon: SunIcon },
  { value: 'dark', label: 'Dark theme', Icon: MoonIcon },
];

/** Three small radio buttons: follow the system, or force light or dark. */
export function ThemeToggle() {
  const [choice, setChoice] = useThemeChoice();
  return (
    <div className="demo-theme-toggle" role="radiogroup" aria-label="Theme">
      {CHOICES.map(({ value, label, Icon }) => (
        // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons, as in most apps.
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={choice === value}
          aria-label={label}
          title={label}
          onClick={() => setChoice(value)}
        >
          <Icon />
        </button>
      ))}
    </div>
  );
}

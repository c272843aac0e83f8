'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { type FormEvent, type RefObject, useId } from 'react';
import { CloseIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';
import { type SettingsForm, THINKING_LEVELS } from './chat-settings';
import { returnFocusTo } from './lazy-dialog';

export interface SettingsDialogPanelProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  form: SettingsForm;
  onFormChange: (form: SettingsForm) => void;
  onSubmit: (event: FormEvent) => void;
  models: readonly string[] | undefined;
  container: HTMLElement | undefined;
  triggerRef: RefObject<HTMLElement | null>;
}

/** The settings dialog's body on Radix: loaded on first opening (see SettingsDialog). */
export default function SettingsDialogPanel({
  open,
  onOpenChange,
  form,
  onFormChange,
  onSubmit,
  models,
  container,
  triggerRef,
}: SettingsDialogPanelProps) {
  const strings = useGemkitStrings();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="gk-root gk-dialog-overlay">
          <Dialog.Content className="gk-dialog gk-settings" onCloseAutoFocus={returnFocusTo(triggerRef)}>
            <div className="gk-dialog-header">
              <Dialog.Title className="gk-dialog-title">{strings.settings}</Dialog.Title>
              <Dialog.Close className="gk-icon-button" aria-label={strings.close} title={strings.close}>
                <CloseIcon />
              </Dialog.Close>
            </div>
            <Dialog.Description className="gk-dialog-description">
              {strings.settingsDescription}
            </Dialog.Description>
            <SettingsFields form={form} onChange={onFormChange} models={models} onSubmit={onSubmit} />
          </Dialog.Content>
        </Dialog.Overlay>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface FieldsProps {
  form: SettingsForm;
  onChange: (form: SettingsForm) => void;
  models: readonly string[] | undefined;
  onSubmit: (event: FormEvent) => void;
}

function SettingsFields({ form, onChange, models, onSubmit }: FieldsProps) {
  const strings = useGemkitStrings();
  const ids = {
    model: useId(),
    system: useId(),
    systemHint: useId(),
    temperature: useId(),
    temperatureHint: useId(),
    thinking: useId(),
    summaries: useId(),
  };
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) =>
    onChange({ ...form, [key]: value });
  const modelChoices = models && [...new Set([...(form.model ? [form.model] : []), ...models])];
  return (
    <form className="gk-settings-form" onSubmit={onSubmit}>
      <div className="gk-field">
        <label htmlFor={ids.model}>{strings.settingsModel}</label>
        {modelChoices ? (
          <select
            id={ids.model}
            className="gk-input"
            value={form.model}
            onChange={(event) => set('model', event.target.value)}
          >
            {!form.model && <option value="">{strings.settingsDefault}</option>}
            {modelChoices.map((model) => (
              <option key={model} value={model}>
                {model}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={ids.model}
            className="gk-input"
            value={form.model}
            placeholder={strings.settingsDefault}
            onChange={(event) => set('model', event.target.value)}
          />
        )}
      </div>
      <div className="gk-field">
        <label htmlFor={ids.system}>{strings.settingsSystemInstruction}</label>
        <textarea
          id={ids.system}
          className="gk-textarea gk-input"
          rows={3}
          aria-describedby={ids.systemHint}
          value={form.systemInstruction}
          onChange={(event) => set('systemInstruction', event.target.value)}
        />
        <p id={ids.systemHint} className="gk-field-hint">
          {strings.settingsSystemInstructionHint}
        </p>
      </div>
      <div className="gk-field-row">
        <div className="gk-field">
          <label htmlFor={ids.temperature}>{strings.settingsTemperature}</label>
          <input
            id={ids.temperature}
            className="gk-input"
            type="number"
            inputMode="decimal"
            min={0}
            max={2}
            step={0.1}
            placeholder={strings.settingsDefault}
            aria-describedby={ids.temperatureHint}
            value={form.temperature}
            onChange={(event) => set('temperature', event.target.value)}
          />
          <p id={ids.temperatureHint} className="gk-field-hint">
            {strings.settingsTemperatureHint}
          </p>
        </div>
        <div className="gk-field">
          <label htmlFor={ids.thinking}>{strings.settingsThinkingLevel}</label>
          <select
            id={ids.thinking}
            className="gk-input"
            value={form.thinkingLevel}
            onChange={(event) => set('thinkingLevel', event.target.value)}
          >
            <option value="">{strings.settingsDefault}</option>
            {THINKING_LEVELS.map((level) => (
              <option key={level} value={level}>
                {strings.thinkingLevelName(level)}
              </option>
            ))}
          </select>
          <label className="gk-check" htmlFor={ids.summaries}>
            <input
              id={ids.summaries}
              type="checkbox"
              checked={form.thinkingSummaries}
              onChange={(event) => set('thinkingSummaries', event.target.checked)}
            />
            {strings.settingsThinkingSummaries}
          </label>
        </div>
      </div>
      <fieldset className="gk-field gk-fieldset">
        <legend>{strings.settingsMode}</legend>
        {(['stateful', 'stateless'] as const).map((mode) => (
          <ModeChoice
            key={mode}
            mode={mode}
            checked={form.mode === mode}
            onSelect={() => set('mode', mode)}
          />
        ))}
      </fieldset>
      <div className="gk-dialog-buttons">
        <Dialog.Close asChild>
          <button type="button" className="gk-button">
            {strings.cancel}
          </button>
        </Dialog.Close>
        <button type="submit" className="gk-button gk-button-primary">
          {strings.save}
        </button>
      </div>
    </form>
  );
}

function ModeChoice({
  mode,
  checked,
  onSelect,
}: {
  mode: 'stateful' | 'stateless';
  checked: boolean;
  onSelect: () => void;
}) {
  const strings = useGemkitStrings();
  const id = useId();
  const label = mode === 'stateful' ? strings.settingsStateful : strings.settingsStateless;
  const hint = mode === 'stateful' ? strings.settingsStatefulHint : strings.settingsStatelessHint;
  return (
    <label className="gk-radio" htmlFor={id}>
      <input
        id={id}
        type="radio"
        name="gk-mode"
        value={mode}
        checked={checked}
        onChange={onSelect}
        aria-describedby={`${id}-hint`}
      />
      <span>
        <span className="gk-radio-label">{label}</span>
        <span id={`${id}-hint`} className="gk-field-hint">
          {hint}
        </span>
      </span>
    </label>
  );
}

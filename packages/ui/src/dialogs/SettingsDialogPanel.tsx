'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { type FormEvent, type ReactNode, type RefObject, useId } from 'react';
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

/** A labelled form control with an optional hint, wired by ids (label `for`, `aria-describedby`). */
function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (control: { id: string; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="gk-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': hint ? hintId : undefined })}
      {hint && (
        <p id={hintId} className="gk-field-hint">
          {hint}
        </p>
      )}
    </div>
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
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) =>
    onChange({ ...form, [key]: value });
  const modelChoices = models && [...new Set([...(form.model ? [form.model] : []), ...models])];
  return (
    <form className="gk-settings-form" onSubmit={onSubmit}>
      <Field label={strings.settingsModel}>
        {(control) =>
          modelChoices ? (
            <select
              {...control}
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
              {...control}
              className="gk-input"
              value={form.model}
              placeholder={strings.settingsDefault}
              onChange={(event) => set('model', event.target.value)}
            />
          )
        }
      </Field>
      <Field label={strings.settingsSystemInstruction} hint={strings.settingsSystemInstructionHint}>
        {(control) => (
          <textarea
            {...control}
            className="gk-textarea gk-input"
            rows={3}
            value={form.systemInstruction}
            onChange={(event) => set('systemInstruction', event.target.value)}
          />
        )}
      </Field>
      <div className="gk-field-row">
        <Field label={strings.settingsTemperature} hint={strings.settingsTemperatureHint}>
          {(control) => (
            <input
              {...control}
              className="gk-input"
              type="number"
              inputMode="decimal"
              min={0}
              max={2}
              step={0.1}
              placeholder={strings.settingsDefault}
              value={form.temperature}
              onChange={(event) => set('temperature', event.target.value)}
            />
          )}
        </Field>
        <Field label={strings.settingsThinkingLevel}>
          {(control) => (
            <>
              <select
                {...control}
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
              <label className="gk-check">
                <input
                  type="checkbox"
                  checked={form.thinkingSummaries}
                  onChange={(event) => set('thinkingSummaries', event.target.checked)}
                />
                {strings.settingsThinkingSummaries}
              </label>
            </>
          )}
        </Field>
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

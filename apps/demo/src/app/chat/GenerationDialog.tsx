import type { ChatSettings } from '@gemkit/ui';
import { type FormEvent, useId, useRef, useState } from 'react';
import { TuneIcon } from '../icons';
import { fromGenerationForm, type GenerationForm, toGenerationForm } from './generation-form';

const FIELDS: { key: keyof GenerationForm; label: string; hint: string; multiline?: boolean }[] = [
  {
    key: 'topP',
    label: 'Top P',
    hint: 'From 0 to 1: sample only from the likeliest tokens adding up to this.',
  },
  { key: 'maxOutputTokens', label: 'Max output tokens', hint: 'The answer stops at this many tokens.' },
  {
    key: 'stopSequences',
    label: 'Stop sequences',
    hint: 'One per line (up to 5): the answer ends just before the first one.',
    multiline: true,
  },
  {
    key: 'seed',
    label: 'Seed',
    hint: 'The same seed and input give the same answer, as far as the model can.',
  },
];

/**
 * The generation parameters beside temperature and thinking (which the settings dialog has): top P, max
 * output tokens, stop sequences, seed. A native modal <dialog>: focus stays inside, Escape cancels.
 */
export function GenerationDialog({
  settings,
  onSettingsChange,
}: {
  settings: ChatSettings;
  onSettingsChange: (settings: ChatSettings) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const [form, setForm] = useState(() => toGenerationForm(settings.generation_config));
  const [error, setError] = useState<{ field: keyof GenerationForm; error: string }>();
  const ids = useId();

  const open = () => {
    setForm(toGenerationForm(settings.generation_config));
    setError(undefined);
    dialog.current?.showModal();
  };
  const close = () => {
    dialog.current?.close();
    trigger.current?.focus();
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = fromGenerationForm(form, settings.generation_config);
    if ('error' in result) {
      setError(result);
      document.getElementById(`${ids}-${result.field}`)?.focus();
      return;
    }
    const next: ChatSettings = { ...settings, generation_config: result.config };
    if (!result.config) delete next.generation_config;
    onSettingsChange(next);
    close();
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="demo-icon-button"
        aria-label="Generation parameters"
        title="Generation parameters: top P, max output tokens, stop sequences, seed"
        onClick={open}
      >
        <TuneIcon />
      </button>
      <dialog
        ref={dialog}
        className="demo-dialog"
        aria-labelledby={`${ids}-title`}
        onClose={() => setError(undefined)}
      >
        <form onSubmit={save}>
          <h2 id={`${ids}-title`} className="demo-dialog-title">
            Generation parameters
          </h2>
          <p className="demo-dialog-description">
            Sent as <code>generation_config</code> from the next message on. Empty: the model's default.
          </p>
          {FIELDS.map(({ key, label, hint, multiline }) => {
            const id = `${ids}-${key}`;
            const invalid = error?.field === key;
            const common = {
              id,
              className: 'demo-input',
              value: form[key],
              'aria-describedby': invalid ? `${id}-error` : `${id}-hint`,
              'aria-invalid': invalid || undefined,
            };
            return (
              <div key={key} className="demo-field">
                <label htmlFor={id}>{label}</label>
                {multiline ? (
                  <textarea
                    {...common}
                    rows={3}
                    onChange={(event) => setForm({ ...form, [key]: event.target.value })}
                  />
                ) : (
                  <input
                    {...common}
                    inputMode="decimal"
                    onChange={(event) => setForm({ ...form, [key]: event.target.value })}
                  />
                )}
                {invalid ? (
                  <p id={`${id}-error`} className="demo-field-error" role="alert">
                    {error.error}
                  </p>
                ) : (
                  <p id={`${id}-hint`} className="demo-field-hint">
                    {hint}
                  </p>
                )}
              </div>
            );
          })}
          <div className="demo-dialog-buttons">
            <button type="button" className="demo-plain-button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="demo-primary-button">
              Save
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

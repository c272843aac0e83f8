'use client';
import { type FormEvent, lazy, type ReactElement, Suspense, useState } from 'react';
import { IconButton } from '../icons/IconButton';
import { SettingsIcon } from '../icons/icons';
import { useGemkitStrings } from '../strings/strings-context';
import { type ChatSettings, fromForm, type SettingsForm, toForm } from './chat-settings';
import { DialogTrigger, useDialogState } from './lazy-dialog';
import { usePortalContainer } from './portal-container';

const loadPanel = () => import('./SettingsDialogPanel');
const SettingsDialogPanel = lazy(loadPanel);
const preload = () => void loadPanel().catch(() => undefined);

export interface SettingsDialogProps {
  settings: ChatSettings;
  /** Called with the new settings when the user saves. */
  onSettingsChange: (settings: ChatSettings) => void;
  /** Choices for the model (else a free text field). */
  models?: readonly string[] | undefined;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Your own trigger element (a button); default: a settings button. */
  trigger?: ReactElement;
}

/**
 * The conversation's settings in a modal dialog on Radix (focus trapped, Escape and outside clicks
 * close it, focus returns to the trigger). Edits apply on Save; Cancel or Escape leaves the settings as
 * they were. The dialog's code (and Radix) loads when it is first opened, or hovered.
 */
export function SettingsDialog({
  settings,
  onSettingsChange,
  models,
  open,
  defaultOpen,
  onOpenChange,
  trigger,
}: SettingsDialogProps) {
  const strings = useGemkitStrings();
  const container = usePortalContainer();
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  // Every opening starts from the settings as they are now.
  const dialog = useDialogState({
    open,
    defaultOpen,
    onOpenChange,
    onOpening: () => setForm(toForm(settings)),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSettingsChange(fromForm(form, settings));
    dialog.setOpen(false);
  };
  return (
    <>
      <DialogTrigger
        element={
          trigger ?? (
            <IconButton label={strings.settings}>
              <SettingsIcon />
            </IconButton>
          )
        }
        open={dialog.open}
        onOpen={() => dialog.setOpen(true)}
        preload={preload}
        triggerRef={dialog.triggerRef}
      />
      {dialog.mounted && (
        <Suspense fallback={null}>
          <SettingsDialogPanel
            open={dialog.open}
            onOpenChange={dialog.setOpen}
            form={form}
            onFormChange={setForm}
            onSubmit={onSubmit}
            models={models}
            container={container}
            triggerRef={dialog.triggerRef}
          />
        </Suspense>
      )}
    </>
  );
}

import type { RequestSettings, UseConversationResult } from '@gemkit/react';
import { useEffect } from 'react';

/**
 * Works around @gemkit/react's useConversation keeping a setting the app removed: the hook passes only the
 * settings that are set to `conversation.setOptions`, which merges, so a system instruction (or a whole
 * generation config) cleared in the settings dialog would still be sent. Naming every field, unset ones
 * as undefined, clears them.
 */
export function useClearedSettings(chat: UseConversationResult, settings: RequestSettings): void {
  const { model, system_instruction, generation_config } = settings;
  useEffect(() => {
    chat.conversation.setOptions({ model, system_instruction, generation_config });
  }, [chat.conversation, model, system_instruction, generation_config]);
}

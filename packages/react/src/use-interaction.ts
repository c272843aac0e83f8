import {
  type AnyGemkitError,
  type CreateOverrides,
  completeSettings,
  type GemkitClient,
  type Interaction,
  InteractionController,
  type InteractionEvent,
  type InteractionRequestInput,
  type InteractionState,
  mergeSettings,
  pickSettings,
  type RequestSettings,
} from '@gemkit/core';
import { useEffect, useMemo, useState } from 'react';
import { useResolvedContext } from './context.js';
import { useLatest } from './use-latest.js';
import { useStore } from './use-store.js';

export interface UseInteractionOptions extends RequestSettings {
  /** Without a provider, or to use another client than the provider's. */
  client?: GemkitClient;
  onEvent?: (event: InteractionEvent) => void;
  /** The request ended without error: completed, cancelled or requires_action (see `interaction.status`). */
  onFinish?: (interaction: Interaction) => void;
  onError?: (error: AnyGemkitError) => void;
  /** Files up to this size are inlined, larger ones uploaded through the Files API (default 256 KiB). */
  inlineMaxBytes?: number;
  /** While the answer streams, the component re-renders with new text at most this often, in ms (default 100; 0: every frame). */
  streamingUpdateMs?: number;
}

export interface UseInteractionResult extends InteractionState {
  /**
   * Sends text, content blocks, steps, or parts with Files / Blobs; stops whatever ran before. Resolves with
   * the final Interaction, or undefined when it failed (see `error`) or was stopped.
   */
  create: (input: InteractionRequestInput, overrides?: CreateOverrides) => Promise<Interaction | undefined>;
  /** Aborts the request and cancels the generation upstream. */
  stop: () => void;
  /** Stops and goes back to idle. */
  reset: () => void;
}

/**
 * One request at a time to the Interactions API: `create` it, render its live Interaction, text, thoughts,
 * status and usage. Failures arrive as `error` (typed), never thrown. Unmounting stops what is running.
 */
export function useInteraction(options: UseInteractionOptions = {}): UseInteractionResult {
  const { client, settings: defaults, schedule } = useResolvedContext(options.client);
  const latest = useLatest(options);
  const [controller] = useState(
    () =>
      new InteractionController({
        client,
        schedule,
        onEvent: (event) => latest.current.onEvent?.(event),
        onFinish: (interaction) => latest.current.onFinish?.(interaction),
        onError: (error) => latest.current.onError?.(error),
      }),
  );
  // Every field named (unset ones as undefined), because setOptions merges: a removed setting is not sent again.
  const settings = completeSettings(mergeSettings(defaults, pickSettings(options)));
  // Settings apply to the next create(); applying them after every render costs an object spread.
  useEffect(() => {
    controller.setOptions({
      ...settings,
      client,
      inlineMaxBytes: options.inlineMaxBytes,
      streamingUpdateMs: options.streamingUpdateMs,
    });
  });
  useEffect(() => () => controller.stop(), [controller]);

  const state = useStore(controller);
  const actions = useMemo(
    () => ({
      create: (input: InteractionRequestInput, overrides?: CreateOverrides) =>
        controller.create(input, overrides),
      stop: () => controller.stop(),
      reset: () => controller.reset(),
    }),
    [controller],
  );
  return { ...state, ...actions };
}
